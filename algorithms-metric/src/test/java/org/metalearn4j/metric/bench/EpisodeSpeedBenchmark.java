package org.metalearn4j.metric.bench;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.metric.providers.MatchingNetProvider;
import org.metalearn4j.metric.providers.ProtoNetProvider;
import org.metalearn4j.metric.providers.RelationNetProvider;
import org.metalearn4j.metric.providers.SiameseProvider;

/**
 * Seconds per training episode of each metric learner with its default configuration (Conv4, 64 channels) on
 * 1x28x28 inputs; the images are random binary glyphs, which costs the same as Omniglot. Not a unit test: run with
 * {@code mvn -q -o -pl algorithms-metric -am test-compile} then
 * {@code java -cp algorithms-metric/target/test-classes:algorithms-metric/target/classes:$(cat cp.txt)
 * org.metalearn4j.metric.bench.EpisodeSpeedBenchmark [way shot query episodes]} (see BENCHMARKS.md, "Metric learners").
 */
public final class EpisodeSpeedBenchmark {
    private EpisodeSpeedBenchmark() {
    }

    public static void main(String[] args) {
        int way = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int shot = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int query = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int episodes = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String only = args.length > 4 ? args[4] : "";
        LearnerContext context = new LearnerContext(new long[] {1, 28, 28}, TaskType.CLASSIFICATION, way, way, 1,
                Optional.empty());
        Task task = episode(way, shot, query);
        for (String name : List.of("protonet", "matchingnet", "relationnet", "siamese")) {
            if (!only.isEmpty() && !only.equals(name)) {
                continue;
            }
            Learner learner = switch (name) {
                case "protonet" -> new ProtoNetProvider().create(new ProtoNetProvider().defaults(), context);
                case "matchingnet" -> new MatchingNetProvider().create(new MatchingNetProvider().defaults(), context);
                case "relationnet" -> new RelationNetProvider().create(new RelationNetProvider().defaults(), context);
                default -> new SiameseProvider().create(new SiameseProvider().defaults(), context);
            };
            for (int i = 0; i < 3; i++) {
                learner.step(List.of(task));
            }
            long start = System.nanoTime();
            for (int i = 0; i < episodes; i++) {
                learner.step(List.of(task));
            }
            double seconds = (System.nanoTime() - start) / 1e9 / episodes;
            System.out.printf("{\"learner\":\"%s\",\"way\":%d,\"shot\":%d,\"query\":%d,\"episodes\":%d,"
                    + "\"secondsPerEpisode\":%.4f}%n", name, way, shot, query, episodes, seconds);
        }
    }

    private static Task episode(int way, int shot, int query) {
        return new Task(images(way, shot, 1), images(way, query, 2), TaskType.CLASSIFICATION, way, shot, "bench");
    }

    private static Examples images(int way, int perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = way * perClass;
        float[] x = new float[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.2 ? 1f : 0f;
        }
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % way;
        }
        return new Examples(Nd4j.create(x, new long[] {n, 1, 28, 28}, 'c'), Nd4j.createFromArray(y));
    }
}
