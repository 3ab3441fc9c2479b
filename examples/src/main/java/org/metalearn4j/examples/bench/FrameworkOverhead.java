package org.metalearn4j.examples.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.event.MetricsFileListener;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the framework itself costs per training iteration (task stream, events on the Vert.x bus, the metrics file)
 * and per checkpoint, measured with a learner and data set that do no work, so the numbers are pure overhead.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp "examples/target/metalearn4j-examples-0.1.0-SNAPSHOT.jar:$(cat examples/target/classpath.txt)" \
 *     org.metalearn4j.examples.bench.FrameworkOverhead [iterations] [checkpoint-floats]
 * </pre>
 */
public final class FrameworkOverhead {
    private FrameworkOverhead() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int floats = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("overhead");
        Vertx vertx = Vertx.vertx();
        try {
            TrainingEventBus events = new TrainingEventBus(vertx);
            PluginRegistry registry = PluginRegistry.of("bench", new IdleDataset(), new IdleLearner());
            train(events, registry, dir.resolve("warmup"), 2_000);
            double perIteration = train(events, registry, dir.resolve("run"), iterations) / iterations;
            System.out.printf(Locale.ROOT, "training loop overhead: %.1f us/iteration over %d iterations "
                    + "(events + metrics.jsonl, meta-batch 1)%n", perIteration * 1e6, iterations);

            StateDict state = new StateDict().put("w", Nd4j.rand(DataType.FLOAT, floats));
            Checkpoint c = new Checkpoint(1, state, ConfigLoader.toJson(RunConfig.defaults()), Provenance.current(1));
            Path file = dir.resolve("ckpt.ml4j");
            int repeats = 10;
            long t0 = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                CheckpointFile.write(file, c);
            }
            double write = (System.nanoTime() - t0) / 1e9 / repeats;
            t0 = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                CheckpointFile.read(file);
            }
            double read = (System.nanoTime() - t0) / 1e9 / repeats;
            System.out.printf(Locale.ROOT,
                    "checkpoint of %d floats (%.1f MB): write+fsync %.1f ms, read+verify %.1f ms%n",
                    floats, Files.size(file) / 1e6, write * 1e3, read * 1e3);
        } finally {
            vertx.close().await();
        }
    }

    private static double train(TrainingEventBus events, PluginRegistry registry, Path dir, int iterations) {
        RunConfig config = ConfigLoader.bind(ConfigMappers.json().createObjectNode(), List.of(
                "dataset.name=idle", "learner.name=idle", "train.iterations=" + iterations, "train.metaBatch=1",
                "train.checkpointEvery=" + iterations, "train.evalEvery=" + iterations, "eval.episodes=1"), "bench");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MetricsFileListener metrics = new MetricsFileListener(dir.resolve(Trainer.METRICS_FILE));
        TrainingEventBus.Subscription sub = events.subscribe(metrics);
        long t0 = System.nanoTime();
        RunFinished done = new Trainer(registry, events).train(config, dir, false, false, "bench", "cpu",
                () -> false);
        sub.awaitFinished(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - t0) / 1e9;
        sub.close();
        metrics.close();
        if (done.iteration() != iterations) {
            throw new IllegalStateException("ran " + done.iteration() + " of " + iterations + " iterations");
        }
        return seconds;
    }

    /** Config of the idle providers: they take no parameters. */
    public record None() {
    }

    /** The same one-example task for every seed. */
    private static final class IdleDataset implements DatasetProvider<None>, Dataset {
        private final Task task;

        IdleDataset() {
            Examples one = new Examples(Nd4j.zeros(DataType.FLOAT, 1, 1), Nd4j.zeros(DataType.INT32, 1));
            task = new Task(one, one, TaskType.CLASSIFICATION, 1, 1, "idle");
        }

        @Override
        public String name() {
            return "idle";
        }

        @Override
        public String description() {
            return "benchmark: a constant task";
        }

        @Override
        public Class<None> configType() {
            return None.class;
        }

        @Override
        public None defaults() {
            return new None();
        }

        @Override
        public Dataset open(None config) {
            return this;
        }

        @Override
        public TaskType type() {
            return TaskType.CLASSIFICATION;
        }

        @Override
        public long[] inputShape() {
            return new long[]{1};
        }

        @Override
        public List<String> splits() {
            return List.of("meta-train", "meta-test");
        }

        @Override
        public TaskSource episodes(String split, EpisodeSpec spec) {
            return seed -> task;
        }
    }

    /** Does nothing per step; predicts class 0. */
    private static final class IdleLearner implements LearnerProvider<None>, Learner {
        private long steps;

        @Override
        public String name() {
            return "idle";
        }

        @Override
        public String description() {
            return "benchmark: does nothing";
        }

        @Override
        public Class<None> configType() {
            return None.class;
        }

        @Override
        public None defaults() {
            return new None();
        }

        @Override
        public Learner create(None config, LearnerContext context) {
            return this;
        }

        @Override
        public StepMetrics step(List<Task> batch) {
            steps++;
            return StepMetrics.of(0.0, 1.0);
        }

        @Override
        public Adapter adapter() {
            return (support, type, ways) -> x -> Nd4j.ones(DataType.FLOAT, x.size(0), 1);
        }

        @Override
        public StateDict state() {
            return new StateDict().putLongs("steps", steps);
        }

        @Override
        public void load(StateDict state) {
            steps = state.getLongs("steps")[0];
        }

        @Override
        public StateDict backbone() {
            return new StateDict();
        }
    }
}
