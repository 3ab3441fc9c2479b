package org.metalearn4j.examples.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.examples.MainOptions;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;

/**
 * Zero-shot Fashion-MNIST: ESZSL and DAP trained on seven classes with the documented attribute table
 * ({@code transfer/.../fashion-mnist-attributes.json}), tested on the three held-out classes of the test set, against
 * chance 1/3. Features are the raw pixels average-pooled 2x2 (14x14), so the result measures the attribute transfer,
 * not a backbone; pass a saved BACKBONE or MODEL artifact to classify on its features instead.
 * Usage: {@code FashionMnistZeroShot [--run-dir DIR] [--input ARTIFACT]}; prints a Markdown table. Pipelines resume in
 * the run directory (default {@code runs/zeroshot-fashion-mnist}), reusing results of an earlier run with the same
 * settings; use a fresh directory after changing code.
 */
public final class FashionMnistZeroShot {
    /** Held-out class triples: one per garment group, then harder ones within a group. */
    static final List<List<Integer>> SPLITS = List.of(List.of(2, 5, 8), List.of(0, 6, 9), List.of(1, 4, 7),
            List.of(2, 4, 6));

    private FashionMnistZeroShot() {
    }

    public static void main(String[] argv) {
        MainOptions args = new MainOptions(argv, Map.of("run-dir", "runs/zeroshot-fashion-mnist", "input", ""));
        Path runDir = Path.of(args.string("run-dir"));
        String input = args.string("input").isEmpty() ? "" : "input: " + Path.of(args.string("input")) + "\n";
        PluginRegistry registry = PluginRegistry.discover(FashionMnistZeroShot.class.getClassLoader(), null);
        System.out.println("| method | unseen classes | accuracy | chance | test images |");
        System.out.println("|---|---|---|---|---|");
        for (List<Integer> unseen : SPLITS) {
            for (String method : List.of("eszsl", "dap")) {
                String yaml = input + """
                        seed: 1
                        stages:
                          - stage: zeroshot
                            config: {method: %s, unseen: %s}
                        """.formatted(method, unseen);
                var pipeline = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
                Path dir = runDir.resolve(method + unseen.toString().replaceAll("[^0-9]+", "-"));
                Artifact out = new PipelineRunner(registry).run(pipeline, dir, Files.isDirectory(dir)).get(0);
                Map<String, Double> m = out.metrics();
                System.out.printf("| %s | %s | %.3f | %.3f | %.0f |%n", method,
                        out.provenance().detail("unseen.classes"), m.get("accuracy"), m.get("chance"),
                        m.get("testExamples"));
            }
        }
    }
}
