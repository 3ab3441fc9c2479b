package org.metalearn4j.examples.optimization;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;

/**
 * Meta-trains one learner on {@code omniglot-small} 5-way {@code --shot}-shot (15 queries, meta-batch 32, Conv4;
 * MAML family: inner lr 0.4, 1 inner step in training, 3 at evaluation) for a wall-clock budget of training time, and
 * prints an accuracy-vs-time curve: every {@code --eval-every-seconds} of training, the {@code meta-test} accuracy over
 * a fixed seeded set of {@code --curve-episodes} episodes; at the end over {@code --final-episodes} (600) episodes,
 * with 95% CIs, and on the same final episodes the expected calibration error (15 bins) of the predicted class
 * probabilities. Evaluation time is not counted in the budget; each evaluation prints its wall
 * time ({@code EVAL ... in S s}). The curve is also written as CSV.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.optimization.OmniglotTraining --learner maml --minutes 60 --out target/omniglot-maml.csv
 * </pre>
 * Learners: maml, fomaml, anil, metasgd, reptile, lstm-meta-learner, bmaml, ensemble-maml (each with its own default
 * parameters below); {@code --params} overrides the learner parameters and {@code --dataset-params} the data set's
 * (JSON, e.g. {@code {"trainShift":2}}).
 */
public final class OmniglotTraining {
    private static final String GRADIENT_PARAMS = "{\"innerSteps\":1,\"innerLr\":0.4,\"evalInnerSteps\":3,"
            + "\"backbone\":{\"type\":\"conv4\"}}";
    /** Reptile's settings here are a starting point, not tuned on this data. */
    private static final String REPTILE_PARAMS = "{\"innerSteps\":5,\"innerLr\":0.1,\"epsilon\":0.5,"
            + "\"evalInnerSteps\":3,\"backbone\":{\"type\":\"conv4\"}}";
    /** Ravi and Larochelle's 1-shot setting (12 updates; 5 for 5-shot), with MAML's backbone. */
    private static final String LSTM_PARAMS = "{\"innerSteps\":12,\"evalInnerSteps\":12,"
            + "\"backbone\":{\"type\":\"conv4\"},\"taskThreads\":2}";
    /** MAML's settings for 5 particles; SVGD averages its driving force over them, hence the larger inner step. */
    private static final String PARTICLE_PARAMS = "{\"particles\":5,\"order\":\"first\",\"innerSteps\":1,"
            + "\"innerLr\":%s,\"evalInnerSteps\":3,\"backbone\":{\"type\":\"conv4\"},\"taskThreads\":2}";
    private static final Map<String, String> PARAMS = Map.of("reptile", REPTILE_PARAMS, "lstm-meta-learner",
            LSTM_PARAMS, "bmaml", PARTICLE_PARAMS.formatted("2.0"), "ensemble-maml", PARTICLE_PARAMS.formatted("0.4"));

    private OmniglotTraining() {
    }

    public static void main(String[] argv) throws IOException {
        MainOptions args = new MainOptions(argv, Map.ofEntries(Map.entry("learner", "maml"), Map.entry("params", ""),
                Map.entry("dataset-params", ""), Map.entry("minutes", "60"), Map.entry("meta-batch", "32"),
                Map.entry("shot", "1"), Map.entry("eval-every-seconds", "300"), Map.entry("curve-episodes", "100"),
                Map.entry("final-episodes", "600"), Map.entry("seed", "1"),
                Map.entry("out", "target/omniglot-curve.csv")));
        String name = args.string("learner");
        String params = args.string("params").isEmpty() ? PARAMS.getOrDefault(name, GRADIENT_PARAMS)
                : args.string("params");
        Dataset omniglot = Components.dataset("omniglot-small", args.string("dataset-params"));
        long seed = args.integer("seed");
        int shot = args.integer("shot");
        TaskSource train = omniglot.episodes("meta-train", new EpisodeSpec(5, shot, 15));
        TaskSource test = omniglot.episodes("meta-test", new EpisodeSpec(5, shot, 15));
        Learner learner = Components.learner(name, params, Components.context(omniglot, train, 5, seed));
        Path out = Path.of(args.string("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        LoopPlan plan = LoopPlan.of(Integer.MAX_VALUE, args.integer("meta-batch"), seed)
                .withBudget(args.number("minutes") * 60)
                .withEvalEvery(Every.seconds(args.number("eval-every-seconds")));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("learner,iteration,train_seconds,accuracy,ci95,episodes");
            double[] trained = {0};
            new MetaTrainingLoop(learner, train, plan, "accuracy")
                    .evaluation((l, iteration, last) -> {
                        long start = System.nanoTime();
                        EvalResult r = Evaluator.evaluate(l.adapter(), test,
                                args.integer(last ? "final-episodes" : "curve-episodes"), seed);
                        System.out.printf("EVAL %d episodes in %.2f s%n", r.episodes(),
                                (System.nanoTime() - start) / 1e9);
                        return r;
                    }, "meta-test")
                    .events(event -> {
                        if (event instanceof StepEvent e) {
                            trained[0] += e.stepSeconds();
                            System.out.printf("%s iteration %d: %.1f s trained, loss %.4f, query accuracy %.3f%n",
                                    name, e.iteration(), trained[0], e.loss(), e.metric());
                        } else if (event instanceof EvalEvent e) {
                            report(csv, name, e, trained[0]);
                        }
                    })
                    .run(LoopStart.fresh(), () -> false);
        }
        Calibration.Classification c = Calibration.classification(learner.adapter(), test,
                args.integer("final-episodes"), seed);
        System.out.printf("CALIBRATION %s 5-way %d-shot: accuracy %.4f, expected calibration error (15 bins) %.4f over"
                + " %d query predictions%n", name, shot, c.accuracy(), c.ece(), c.predictions());
    }

    private static void report(PrintWriter csv, String name, EvalEvent r, double trained) {
        System.out.printf("CURVE %s iteration %d, %.0f s of training: meta-test accuracy %.4f +- %.4f (%d episodes)%n",
                name, r.iteration(), trained, r.value(), r.ci95(), r.episodes());
        csv.printf("%s,%d,%.1f,%.5f,%.5f,%d%n", name, r.iteration(), trained, r.value(), r.ci95(), r.episodes());
        csv.flush();
    }
}
