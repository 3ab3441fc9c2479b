package org.metalearn4j.examples.apps.medical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.datasets.medical.BreastCancerProvider;
import org.metalearn4j.datasets.medical.BreastCancerSitesDataset;
import org.metalearn4j.datasets.medical.SiteSplit;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.apps.ApplicationMain;
import org.metalearn4j.examples.apps.ResumableTraining;
import org.metalearn4j.optimization.JointTrainingLearner;
import org.metalearn4j.transfer.linalg.LogisticRegression;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Small-data medicine, a demonstration and not a clinical tool: the Wisconsin breast-cancer cases divided into five
 * simulated sites by a covariate shift ({@code breast-cancer-sites}); for each resampled division (split {@code r}:
 * jitter seed {@code r}, site {@code r mod 5} held out) MAML and a pooled network are trained on the other four sites,
 * then adapted to the held-out site from {@code k} labelled cases (drawn at random, redrawn until both diagnoses
 * occur) and scored on the site's other cases: AUC, Brier score and expected calibration error, against
 * <ul>
 *   <li>{@code scratch}: L2-regularised logistic regression trained on the {@code k} cases alone;</li>
 *   <li>{@code pooled}: the network trained on the pooled training sites, not adapted;</li>
 *   <li>{@code pooled+ft}: that network fine-tuned on the {@code k} cases;</li>
 *   <li>{@code maml}: MAML's initialisation adapted on the {@code k} cases.</li>
 * </ul>
 * Means with 95% CIs over the resampled splits. Checkpoints per split and learner go to {@code --out}.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.apps.medical.SiteAdaptationBenchmark --splits 10 --out runs/medical
 * </pre>
 */
public final class SiteAdaptationBenchmark {
    private static final String MAML = "{\"order\":\"second\",\"innerSteps\":5,\"innerLr\":0.1,\"evalInnerSteps\":10,"
            + "\"backbone\":{\"type\":\"mlp\",\"hidden\":[32,32]},\"metaOptimizer\":{\"type\":\"adam\","
            + "\"learningRate\":0.001}}";
    private static final String JOINT = "{\"backbone\":{\"type\":\"mlp\",\"hidden\":[32,32]},\"optimizer\":{\"type\":"
            + "\"adam\",\"learningRate\":0.001},\"fineTuneLr\":0.1,\"fineTuneSteps\":10}";
    private static final List<String> METHODS = List.of("scratch", "pooled", "pooled+ft", "maml");
    private static final List<String> METRICS = List.of("auc", "brier", "ece");

    private SiteAdaptationBenchmark() {
    }

    public static void main(String[] argv) {
        ApplicationMain.run(argv, Map.of("splits", "10", "shots", "5,10,20", "iterations", "300", "meta-batch", "8",
                "seed", "1", "out", "runs/medical"), SiteAdaptationBenchmark::run);
    }

    private static void run(MainOptions args) throws IOException {
        System.out.println("A demonstration of few-shot adaptation to a new site, not a clinical tool.");
        List<Integer> shots = args.list("shots").stream().map(Integer::parseInt).toList();
        int splits = args.integer("splits");
        long seed = args.integer("seed");
        Path out = Path.of(args.string("out"));
        Files.createDirectories(out);
        // scores[method][shot][metric][split]
        Map<String, double[][][]> scores = new LinkedHashMap<>();
        METHODS.forEach(m -> scores.put(m, new double[shots.size()][METRICS.size()][splits]));
        for (int r = 0; r < splits; r++) {
            int heldOut = r % 5;
            BreastCancerSitesDataset data = (BreastCancerSitesDataset) Components.dataset(BreastCancerProvider.NAME,
                    "{\"splitSeed\":" + r + ",\"heldOutSite\":" + heldOut + "}");
            TaskSource train = data.episodes("meta-train", new EpisodeSpec(2, 5, 5));
            Learner maml = trained(data, train, "maml", MAML, args, seed, out.resolve("split-" + r), r);
            JointTrainingLearner pooled = (JointTrainingLearner) trained(data, train, "joint", JOINT, args, seed,
                    out.resolve("split-" + r), r);
            Map<String, Adapter> adapters = Map.of("pooled", pooled.adapter(0), "pooled+ft", pooled.adapter(),
                    "maml", maml.adapter());
            SiteSplit sites = data.sites();
            int[] site = sites.cases(heldOut);
            for (int s = 0; s < shots.size(); s++) {
                int[][] parts = supportAndQuery(sites, site, shots.get(s), Seeds.derive(seed, r, shots.get(s)));
                Examples support = data.examples(parts[0]);
                Examples query = data.examples(parts[1]);
                int[] y = query.y().toIntVector();
                for (String method : METHODS) {
                    double[] p = method.equals("scratch") ? scratch(support, query)
                            : malignantProbability(adapters.get(method).adapt(support, TaskType.CLASSIFICATION, 2)
                                    .predict(query.x()));
                    double[][] into = scores.get(method)[s];
                    into[0][r] = BinaryScores.auc(p, y);
                    into[1][r] = BinaryScores.brier(p, y);
                    into[2][r] = BinaryScores.ece(p, y);
                }
            }
            System.err.printf(Locale.ROOT, "split %d/%d done (site %d held out, %d cases)%n", r + 1, splits, heldOut,
                    site.length);
        }
        print(scores, shots, splits, out);
    }

    private static Learner trained(BreastCancerSitesDataset data, TaskSource train, String name, String params,
                                   MainOptions args, long seed, Path dir, int split) {
        LearnerContext context = Components.context(data, train, 2, seed);
        Learner learner = Components.learner(name, params, context);
        ModelDescription model = ModelDescription.of(name, ConfigMappers.readJson(params, name), data,
                context);
        ObjectNode settings = ConfigMappers.plain().createObjectNode().put("learner", name).put("split", split)
                .put("metaBatch", args.integer("meta-batch")).put("seed", seed);
        settings.set("params", ConfigMappers.readJson(params, name));
        ResumableTraining.run(name + " split " + split, learner, train, LoopPlan.of(args.integer("iterations"),
                args.integer("meta-batch"), seed), "accuracy", dir.resolve(name), settings, model, 100, System.err);
        return learner;
    }

    /** {@code k} cases of the site with both diagnoses among them (redrawn until so), and the site's other cases. */
    static int[][] supportAndQuery(SiteSplit sites, int[] site, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 0; attempt < 1000; attempt++) {
            int[] drawn = BreastCancerSitesDataset.draw(random, site, site.length);
            int[] support = java.util.Arrays.copyOf(drawn, k);
            int positives = IntStream.of(support).map(sites::malignant).sum();
            if (positives > 0 && positives < k) {
                return new int[][] {support, java.util.Arrays.copyOfRange(drawn, k, drawn.length)};
            }
        }
        throw new IllegalArgumentException("the held-out site has no " + k + " cases with both diagnoses");
    }

    private static double[] scratch(Examples support, Examples query) {
        LogisticRegression.Model model = LogisticRegression.fit(support.x().castTo(DataType.DOUBLE),
                support.y().castTo(DataType.DOUBLE), null, 1.0);
        return model.probabilities(query.x().castTo(DataType.DOUBLE)).toDoubleVector();
    }

    private static double[] malignantProbability(INDArray logits) {
        INDArray p = Transforms.softmax(logits.castTo(DataType.DOUBLE), true);
        return p.getColumn(1).dup().toDoubleVector();
    }

    private static void print(Map<String, double[][][]> scores, List<Integer> shots, int splits, Path out)
            throws IOException {
        List<String> csv = new ArrayList<>(List.of("method,cases,metric,mean,ci95,splits"));
        System.out.printf(Locale.ROOT, "%-10s %6s %18s %18s %18s%n", "method", "cases", "AUC", "Brier", "ECE");
        for (int s = 0; s < shots.size(); s++) {
            for (String method : METHODS) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s %6d", method,
                        shots.get(s)));
                for (int m = 0; m < METRICS.size(); m++) {
                    EvalResult r = EvalResult.of(METRICS.get(m), scores.get(method)[s][m]);
                    line.append(String.format(Locale.ROOT, " %9.3f +- %5.3f", r.value(), r.ci95()));
                    csv.add(String.format(Locale.ROOT, "%s,%d,%s,%.4f,%.4f,%d", method, shots.get(s),
                            METRICS.get(m), r.value(), r.ci95(), splits));
                }
                System.out.println(line);
            }
        }
        Files.write(out.resolve("scores.csv"), csv);
        System.out.println("(means and 95% CIs over " + splits + " resampled site splits; wrote "
                + out.resolve("scores.csv") + ")");
    }
}
