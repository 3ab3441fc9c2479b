package org.metalearn4j.examples.transfer;

import java.nio.file.Path;
import java.util.List;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.transfer.pipeline.Pipeline;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;

/**
 * Validates and runs a pipeline YAML, printing each stage's metrics: {@code PipelineMain PIPELINE.yaml RUN_DIR}.
 * Until the CLI gets a {@code pipeline} command this is the way to run one.
 */
public final class PipelineMain {
    private PipelineMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PipelineMain PIPELINE.yaml RUN_DIR");
            System.exit(2);
        }
        PluginRegistry registry = PluginRegistry.discover(PipelineMain.class.getClassLoader(), null);
        Pipeline pipeline = new PipelineValidator(registry).validate(PipelineSpecReader.read(Path.of(args[0])));
        List<Artifact> out = new PipelineRunner(registry).run(pipeline, Path.of(args[1]));
        for (int i = 0; i < out.size(); i++) {
            System.out.println(pipeline.stages().get(i).label() + " " + out.get(i).kind() + " " + out.get(i).metrics());
        }
    }
}
