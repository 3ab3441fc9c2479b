package org.metalearn4j.examples.apps.navigation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.env.EnvironmentDataset;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.examples.Components;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.examples.apps.ApplicationMain;
import org.metalearn4j.examples.apps.ResumableTraining;
import org.metalearn4j.optimization.rl.MetaRlLearner;

/**
 * Meta-RL on 2-D navigation (Finn et al. 2017): {@code maml-rl} (second order, DiCE), {@code fomaml-rl} and the
 * pretrained policy {@code pretrain-rl} meta-trained with the same budget on {@code nav2d}, then the average return
 * on fixed test goals (the {@code meta-test} tasks of {@code --eval-seed}, as {@code metalearn train} evaluates them)
 * before and after 1 .. {@code --steps} policy-gradient steps on {@code --trajectories} trajectories each, with 95%
 * CIs over goals. Writes {@code returns.csv} and {@code trajectories.png} (first test goal, one row per learner,
 * before and after adaptation) into {@code --out}, and a checkpoint per learner there, so an interrupted run resumes.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *   org.metalearn4j.examples.apps.navigation.NavigationBenchmark --iterations 40 --out runs/nav2d
 * </pre>
 */
public final class NavigationBenchmark {
    private NavigationBenchmark() {
    }

    public static void main(String[] argv) {
        ApplicationMain.run(argv, Map.of("learners", "maml-rl,fomaml-rl,pretrain-rl", "iterations", "40",
                "meta-batch", "10", "trajectories", "20", "test-goals", "40", "steps", "3", "meta-lr", "0.01",
                "seed", "1", "eval-seed", "20261206", "out", "runs/nav2d"), NavigationBenchmark::run);
    }

    private static void run(MainOptions args) throws IOException {
        Dataset nav = Components.dataset("nav2d", "");
        int trajectories = args.integer("trajectories");
        int steps = args.integer("steps");
        int goals = args.integer("test-goals");
        long seed = args.integer("seed");
        long evalSeed = Long.parseLong(args.string("eval-seed"));
        Path out = Path.of(args.string("out"));
        Files.createDirectories(out);
        TaskSource train = nav.episodes("meta-train", new EpisodeSpec(1, trajectories, trajectories));
        TaskSource test = nav.episodes("meta-test", new EpisodeSpec(1, trajectories, trajectories));
        String params = "{\"metaOptimizer\":{\"type\":\"adam\",\"learningRate\":" + args.number("meta-lr") + "}}";
        List<List<TrajectoryPicture.Panel>> picture = new ArrayList<>();
        List<String> csv = new ArrayList<>(List.of("learner,steps,return,ci95,goals"));
        System.out.printf(Locale.ROOT, "%-12s %s%n", "learner", header(steps));
        for (String name : args.list("learners")) {
            LearnerContext context = Components.context(nav, train, 1, seed);
            MetaRlLearner learner = (MetaRlLearner) Components.learner(name, params, context);
            ModelDescription model = ModelDescription.of(name, ConfigMappers.readJson(params, name), nav,
                    context);
            ObjectNode settings = ConfigMappers.plain().createObjectNode().put("learner", name)
                    .put("metaBatch", args.integer("meta-batch")).put("trajectories", trajectories).put("seed", seed);
            settings.set("params", ConfigMappers.readJson(params, "--meta-lr"));
            ResumableTraining.run(name, learner, train, LoopPlan.of(args.integer("iterations"),
                    args.integer("meta-batch"), seed), "return", out.resolve(name), settings, model, 10, System.err);
            double[][] returns = new double[steps + 1][goals];
            MetaRlLearner.Evaluation first = null;
            for (int g = 0; g < goals; g++) {
                Task task = test.sample(Seeds.derive(evalSeed, g));
                MetaRlLearner.Evaluation e = learner.evaluate(EnvironmentDataset.parameters(task), trajectories,
                        trajectories, steps, Seeds.derive(evalSeed, g, 1));
                for (int k = 0; k <= steps; k++) {
                    returns[k][g] = e.returns().get(k);
                }
                first = first == null ? e : first;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s", name));
            for (int k = 0; k <= steps; k++) {
                EvalResult r = EvalResult.of("return", returns[k]);
                line.append(String.format(Locale.ROOT, " %8.2f +- %5.2f", r.value(), r.ci95()));
                csv.add(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%d", name, k, r.value(), r.ci95(), goals));
            }
            System.out.println(line);
            double[] goal = EnvironmentDataset.parameters(test.sample(Seeds.derive(evalSeed, 0)));
            picture.add(List.of(
                    new TrajectoryPicture.Panel(name + ", before adaptation", goal, first.batches().get(0)),
                    new TrajectoryPicture.Panel(name + ", after " + steps + " step" + (steps == 1 ? "" : "s"), goal,
                            first.batches().get(steps))));
        }
        Files.write(out.resolve("returns.csv"), csv);
        TrajectoryPicture.write(out.resolve("trajectories.png"), picture);
        System.out.println("wrote " + out.resolve("returns.csv") + " and " + out.resolve("trajectories.png"));
    }

    private static String header(int steps) {
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%17s", "before"));
        for (int k = 1; k <= steps; k++) {
            h.append(String.format(Locale.ROOT, "%17s", "after " + k));
        }
        return h.toString();
    }
}
