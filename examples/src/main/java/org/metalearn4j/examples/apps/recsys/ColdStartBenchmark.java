package org.metalearn4j.examples.apps.recsys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.datasets.recsys.ColdStartSplit;
import org.metalearn4j.datasets.recsys.MovieLensDataset;
import org.metalearn4j.datasets.recsys.MovieLensProvider;
import org.metalearn4j.datasets.recsys.MovieLensRatings;
import org.metalearn4j.datasets.recsys.UserEpisode;
import org.metalearn4j.datasets.recsys.UserEpisodes;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.apps.ApplicationMain;
import org.metalearn4j.examples.apps.ResumableTraining;

/**
 * Cold-start recommendation on {@code movielens} (MeLU, Lee et al. 2019): every meta-test user with at least
 * {@code max(shots) + query} ratings is a new user known through {@code K} ratings (K = 5, 10, 20; the same
 * {@code query} ratings to predict for every K), and four methods predict the others: the movies' mean rating among
 * meta-train users ({@code item-mean}), biased matrix factorisation with the user folded in from the K ratings
 * ({@code mf}), a network pretrained on all meta-train users' ratings and fine-tuned on the K ({@code joint}), and
 * MAML's user-item network adapted on the K ({@code maml}). Prints MAE and nDCG@3 with 95% CIs over users; checkpoints
 * of the two networks go to {@code --out}.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.apps.recsys.ColdStartBenchmark --iterations 300 --out runs/movielens
 * </pre>
 */
public final class ColdStartBenchmark {
    private static final String NETWORK = "{\"type\":\"mlp\",\"hidden\":[64,64]}";
    private static final String MAML = "{\"order\":\"second\",\"innerSteps\":3,\"innerLr\":0.05,\"evalInnerSteps\":3,"
            + "\"backbone\":" + NETWORK + ",\"metaOptimizer\":{\"type\":\"adam\",\"learningRate\":0.001}}";
    private static final String JOINT = "{\"backbone\":" + NETWORK + ",\"optimizer\":{\"type\":\"adam\","
            + "\"learningRate\":0.001},\"fineTuneLr\":0.05,\"fineTuneSteps\":3}";
    private static final List<String> METHODS = List.of("item-mean", "mf", "joint", "maml");

    private ColdStartBenchmark() {
    }

    public static void main(String[] argv) {
        ApplicationMain.run(argv, Map.of("shots", "5,10,20", "query", "10", "iterations", "300", "meta-batch", "16",
                "mf-rank", "10", "mf-lambda", "10", "seed", "1", "eval-seed", "20261206", "out", "runs/movielens"),
                ColdStartBenchmark::run);
    }

    private static void run(MainOptions args) throws IOException {
        MovieLensDataset data = (MovieLensDataset) Components.dataset(MovieLensProvider.NAME, "");
        ColdStartSplit split = data.split();
        List<Integer> shots = args.list("shots").stream().map(Integer::parseInt).toList();
        int query = args.integer("query");
        long seed = args.integer("seed");
        long evalSeed = Long.parseLong(args.string("eval-seed"));
        Path out = Path.of(args.string("out"));
        Files.createDirectories(out);
        TaskSource train = data.episodes("meta-train", new EpisodeSpec(1, 10, 10));
        Learner maml = trained(data, train, "maml", MAML, args, seed, out);
        Learner joint = trained(data, train, "joint", JOINT, args, seed, out);
        MatrixFactorization mf = matrixFactorization(split, args, seed);
        int maxShot = shots.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int[] users = new UserEpisodes(split, "meta-test", maxShot, query).eligibleUsers();
        // mae[method][shot][user], ndcg likewise
        Map<String, double[][][]> scores = new LinkedHashMap<>();
        METHODS.forEach(m -> scores.put(m, new double[2][shots.size()][users.length]));
        for (int s = 0; s < shots.size(); s++) {
            UserEpisodes episodes = new UserEpisodes(split, "meta-test", shots.get(s), query);
            Adapter mamlAdapter = maml.adapter();
            Adapter jointAdapter = joint.adapter();
            for (int u = 0; u < users.length; u++) {
                UserEpisode e = episodes.forUser(users[u], Seeds.derive(evalSeed, users[u]));
                Task task = data.task(e, MovieLensProvider.NAME + "/meta-test");
                for (String method : METHODS) {
                    double[] predicted = switch (method) {
                        case "item-mean" -> Arrays.stream(e.queryItems()).mapToDouble(i -> itemMean(split, i))
                                .toArray();
                        case "mf" -> mf.predict(e.supportItems(), e.supportRatings(), e.queryItems());
                        case "joint" -> network(jointAdapter, task, split.globalMean());
                        default -> network(mamlAdapter, task, split.globalMean());
                    };
                    scores.get(method)[0][s][u] = RankingScores.mae(predicted, e.queryRatings());
                    scores.get(method)[1][s][u] = RankingScores.ndcg(predicted, e.queryRatings(), 3);
                }
            }
        }
        print(scores, shots, users.length, query, out);
    }

    private static Learner trained(MovieLensDataset data, TaskSource train, String name, String params,
                                   MainOptions args, long seed, Path out) {
        LearnerContext context = Components.context(data, train, 1, seed);
        Learner learner = Components.learner(name, params, context);
        ModelDescription model = ModelDescription.of(name, ConfigMappers.readJson(params, name), data,
                context);
        ObjectNode settings = ConfigMappers.plain().createObjectNode().put("learner", name)
                .put("metaBatch", args.integer("meta-batch")).put("seed", seed);
        settings.set("params", ConfigMappers.readJson(params, name));
        ResumableTraining.run(name, learner, train, LoopPlan.of(args.integer("iterations"),
                args.integer("meta-batch"), seed), "mse", out.resolve(name), settings, model, 100, System.err);
        return learner;
    }

    /** Biased MF on every rating of the meta-train users. */
    private static MatrixFactorization matrixFactorization(ColdStartSplit split, MainOptions args, long seed) {
        Set<Integer> trainUsers = new HashSet<>();
        Arrays.stream(split.users("meta-train")).forEach(trainUsers::add);
        MovieLensRatings r = split.ratings();
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < r.size(); row++) {
            if (trainUsers.contains(r.users()[row])) {
                rows.add(row);
            }
        }
        int[] users = rows.stream().mapToInt(row -> r.users()[row]).toArray();
        int[] items = rows.stream().mapToInt(row -> r.movies()[row]).toArray();
        float[] ratings = new float[rows.size()];
        for (int k = 0; k < ratings.length; k++) {
            ratings[k] = r.ratings()[rows.get(k)];
        }
        return new MatrixFactorization(users, items, ratings, args.integer("mf-rank"), args.number("mf-lambda"), 10,
                seed);
    }

    private static double itemMean(ColdStartSplit split, int movie) {
        double m = split.movieMean(movie);
        return Double.isNaN(m) ? split.globalMean() : m;
    }

    /** The adapted network's ratings: its outputs are centred on the meta-train mean {@code mu}. */
    private static double[] network(Adapter adapter, Task task, double mu) {
        double[] centred = adapter.adapt(task.support(), TaskType.REGRESSION, 1).predict(task.query().x())
                .reshape(-1).toDoubleVector();
        return Arrays.stream(centred).map(v -> v + mu).toArray();
    }

    private static void print(Map<String, double[][][]> scores, List<Integer> shots, int users, int query, Path out)
            throws IOException {
        List<String> csv = new ArrayList<>(List.of("method,known,metric,mean,ci95,users"));
        System.out.printf(Locale.ROOT, "%-10s %6s %18s %18s%n", "method", "known", "MAE", "nDCG@3");
        for (int s = 0; s < shots.size(); s++) {
            for (String method : METHODS) {
                EvalResult mae = EvalResult.of("mae", scores.get(method)[0][s]);
                EvalResult ndcg = EvalResult.of("ndcg3", scores.get(method)[1][s]);
                System.out.printf(Locale.ROOT, "%-10s %6d %9.4f +- %5.4f %9.4f +- %5.4f%n", method, shots.get(s),
                        mae.value(), mae.ci95(), ndcg.value(), ndcg.ci95());
                csv.add(String.format(Locale.ROOT, "%s,%d,mae,%.4f,%.4f,%d", method, shots.get(s), mae.value(),
                        mae.ci95(), users));
                csv.add(String.format(Locale.ROOT, "%s,%d,ndcg3,%.4f,%.4f,%d", method, shots.get(s), ndcg.value(),
                        ndcg.ci95(), users));
            }
        }
        Files.write(out.resolve("scores.csv"), csv);
        System.out.println("(" + users + " meta-test users, " + query + " held-out ratings each, 95% CIs over users;"
                + " wrote " + out.resolve("scores.csv") + ")");
    }
}
