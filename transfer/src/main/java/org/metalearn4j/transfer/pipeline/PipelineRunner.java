package org.metalearn4j.transfer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a validated {@link Pipeline} stage by stage. Stage {@code i} gets its own directory
 * {@code runDir/<i>-<name>/} and seed {@code Seeds.derive(seed, i)}; its artifact is saved there as
 * {@value #ARTIFACT_FILE} with provenance: stage name and index, bound config, seed, and the input artifact's
 * provenance under the {@code input.} prefix.
 */
public final class PipelineRunner {
    /** File name of each stage's saved artifact inside its directory. */
    public static final String ARTIFACT_FILE = "artifact.bin";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final ProviderRegistry registry;

    public PipelineRunner(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** Every stage's artifact, in order; the last one is the pipeline's result. */
    public List<Artifact> run(Pipeline pipeline, Path runDir) {
        Artifact current = pipeline.input() == null ? Artifact.none() : ArtifactFiles.read(pipeline.input());
        List<Artifact> outputs = new ArrayList<>();
        for (PlannedStage p : pipeline.stages()) {
            Path workDir = runDir.resolve(p.label());
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("stage " + p.label() + ": cannot create " + workDir, e);
            }
            long seed = Seeds.derive(pipeline.seed(), p.index());
            LOG.info("stage {} starts (input {})", p.label(), current.kind());
            Artifact out = p.stage().run(current, new StageContext(registry, workDir, seed));
            if (out.kind() != p.stage().produces()) {
                throw new IllegalStateException("stage " + p.label() + " declared it produces " + p.stage().produces()
                        + " but returned " + out.kind());
            }
            Artifact recorded = new Artifact(out.kind(), out.state(), out.metrics(), provenance(p, seed, out, current));
            ArtifactFiles.write(workDir.resolve(ARTIFACT_FILE), recorded);
            LOG.info("stage {} done: {}", p.label(), out.metrics());
            outputs.add(recorded);
            current = recorded;
        }
        return outputs;
    }

    private static Map<String, String> provenance(PlannedStage p, long seed, Artifact out, Artifact input) {
        Map<String, String> prov = new LinkedHashMap<>(out.provenance());
        prov.put("stage", p.name());
        prov.put("stage.index", Integer.toString(p.index()));
        prov.put("stage.config", StageConfigBinder.toJson(p.config()));
        prov.put("seed", Long.toString(seed));
        input.provenance().forEach((k, v) -> prov.put("input." + k, v));
        return prov;
    }
}
