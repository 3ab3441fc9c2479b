package org.metalearn4j.examples.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;

/**
 * Omniglot -> Fashion-MNIST cross-domain few-shot study: every method is scored on the same fixed 5-way episodes of the
 * Fashion-MNIST test set (episode seed 2026), 1-shot and 5-shot, mean accuracy and 95% CI. Methods:
 * training from scratch on the support set, pretrain + fine-tune, pretrain + L2-SP fine-tune, ProtoNet and MAML
 * meta-trained on Omniglot, and pretrain -> ProtoNet. Learners are looked up by name ({@code protonet},
 * {@code maml}); a missing one is reported as n/a.
 *
 * <p>Usage: {@code CrossDomainStudy [--episodes N] [--pretrain-iterations N] [--meta-iterations N]
 * [--finetune-steps N] [--l2sp L] [--run-dir DIR]}; prints a Markdown table. The pretrained backbone is trained once
 * and shared; meta-learners are meta-trained with the shot they are evaluated on. Every pipeline resumes in its
 * directory under the run dir: an interrupted study re-run with the same options continues where it stopped, and a
 * study re-run with the same options reuses finished stages, so pass a fresh {@code --run-dir} after changing code.
 */
public final class CrossDomainStudy {
    private CrossDomainStudy() {
    }

    record Options(int episodes, int pretrainIterations, int metaIterations, int finetuneSteps, double l2sp,
                   Path runDir) {
        static Options parse(String[] args) {
            MainOptions m = new MainOptions(args, Map.of("episodes", "1000", "pretrain-iterations", "2000",
                    "meta-iterations", "2000", "finetune-steps", "50", "l2sp", "0.01", "run-dir",
                    "runs/cross-domain"));
            return new Options(m.integer("episodes"), m.integer("pretrain-iterations"), m.integer("meta-iterations"),
                    m.integer("finetune-steps"), m.number("l2sp"), Path.of(m.string("run-dir")));
        }
    }

    public static void main(String[] args) {
        Options o = Options.parse(args);
        PluginRegistry registry = PluginRegistry.discover(CrossDomainStudy.class.getClassLoader(), null);
        Path backbone = pretrain(registry, o);
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int shot : new int[] {1, 5}) {
            String eval = evaluate(o, shot);
            cell(table, "scratch (fine-tune on support)", run(registry, o, "scratch-" + shot, null, eval));
            cell(table, "pretrain + fine-tune", run(registry, o, "finetune-" + shot, backbone, eval));
            cell(table, "pretrain + L2-SP fine-tune", run(registry, o, "l2sp-" + shot, backbone,
                    eval.replace("l2sp: 0.0", "l2sp: " + o.l2sp())));
            for (String learner : List.of("protonet", "maml")) {
                String name = learner.equals("protonet") ? "ProtoNet (Omniglot)" : "MAML (Omniglot)";
                cell(table, name, registered(registry, learner)
                        ? run(registry, o, learner + "-" + shot, null, metaTrain(o, learner, shot) + eval)
                        : "n/a (learner '" + learner + "' not registered)");
            }
            cell(table, "pretrain -> ProtoNet", registered(registry, "protonet")
                    ? run(registry, o, "pretrain-protonet-" + shot, backbone, metaTrain(o, "protonet", shot) + eval)
                    : "n/a (learner 'protonet' not registered)");
        }
        System.out.println("| method | 5-way 1-shot | 5-way 5-shot |");
        System.out.println("|---|---|---|");
        table.forEach((method, cells) -> System.out.println("| " + method + " | " + String.join(" | ", cells) + " |"));
    }

    private static Path pretrain(PluginRegistry registry, Options o) {
        String yaml = """
                seed: 1
                stages:
                  - stage: pretrain
                    config: {dataset: omniglot-small, split: meta-train, backbone: {type: conv4, channels: 64},
                             iterations: %d, batchSize: 64, lr: 0.001}
                """.formatted(o.pretrainIterations());
        Path dir = o.runDir().resolve("pretrain");
        var pipeline = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
        // Reuses the pretraining of an earlier study in the same directory; a resume needs one to exist.
        new PipelineRunner(registry).run(pipeline, dir, Files.isDirectory(dir));
        return dir.resolve("0-pretrain").resolve(PipelineRunner.ARTIFACT_FILE);
    }

    private static String metaTrain(Options o, String learner, int shot) {
        return """
                  - stage: meta-train
                    config: {learner: %s, dataset: omniglot-small, split: meta-train, way: 5, shot: %d, query: 15,
                             metaBatch: 4, iterations: %d}
                """.formatted(learner, shot, o.metaIterations());
    }

    private static String evaluate(Options o, int shot) {
        return """
                  - stage: evaluate
                    config: {dataset: fashion-mnist, split: test, way: 5, shot: %d, query: 15, episodes: %d,
                             episodeSeed: 2026, adapter: finetune, mode: full, steps: %d, lr: 0.001, l2sp: 0.0}
                """.formatted(shot, o.episodes(), o.finetuneSteps());
    }

    private static String run(PluginRegistry registry, Options o, String name, Path input, String stages) {
        String yaml = "seed: 1\n" + (input == null ? "" : "input: " + input + "\n") + "stages:\n" + stages;
        var pipeline = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
        Path dir = o.runDir().resolve(name);
        List<Artifact> out = new PipelineRunner(registry).run(pipeline, dir, Files.isDirectory(dir));
        Map<String, Double> m = out.get(out.size() - 1).metrics();
        return String.format("%.2f ± %.2f %%", 100 * m.get("accuracy"), 100 * m.get("accuracy.ci95"));
    }

    private static boolean registered(PluginRegistry registry, String learner) {
        return registry.learners().stream().anyMatch(p -> p.name().equals(learner));
    }

    private static void cell(Map<String, List<String>> table, String method, String value) {
        table.computeIfAbsent(method, k -> new ArrayList<>()).add(value);
    }
}
