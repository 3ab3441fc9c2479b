package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.pipeline.Artifact;

/**
 * The {@link Provenance} {@link PipelineRunner} records for every stage's artifact, and the check that a saved
 * artifact is what a stage of this run would produce. The record is this process's (library versions, git commit,
 * time) with the stage's seed; its details are the stage's own keys plus the runner's: name, index, bound config and
 * the checksum of the artifact it started from, with the input's details copied under the {@code input.} prefix for
 * readers. A stage is identified by its name, index, config, seed and input checksum.
 */
final class StageProvenance {
    static final String STAGE = "stage";
    static final String INDEX = "stage.index";
    static final String CONFIG = "stage.config";
    /** SHA-256 of the input artifact's file, or {@link #NO_INPUT} at the pipeline start. */
    static final String INPUT_SHA256 = "stage.input.sha256";
    static final String NO_INPUT = "none";

    private StageProvenance() {
    }

    /** The record of stage {@code p}'s output {@code out}, made now with the stage's {@code seed}. */
    static Provenance of(PlannedStage p, long seed, Artifact out, Artifact input, String inputSha256) {
        Map<String, String> details = new LinkedHashMap<>(out.provenance().details());
        details.put(STAGE, p.name());
        details.put(INDEX, Integer.toString(p.index()));
        details.put(CONFIG, ConfigBinder.toTree(p.config()).toString());
        details.put(INPUT_SHA256, inputSha256);
        input.provenance().details().forEach((k, v) -> details.put("input." + k, v));
        return Provenance.current(seed).with(details);
    }

    /**
     * Why a saved artifact is not what stage {@code p} would produce now, e.g. {@code stage.config differs}; empty
     * when it matches and can be reused.
     */
    static Optional<String> difference(Artifact saved, PlannedStage p, long seed, String inputSha256) {
        Provenance prov = saved.provenance();
        if (saved.kind() != p.stage().produces()) {
            return Optional.of("it holds a " + saved.kind() + " but the stage produces " + p.stage().produces());
        }
        if (!p.name().equals(prov.detail(STAGE))) {
            return Optional.of(STAGE + " was '" + prov.detail(STAGE) + "'");
        }
        if (!Integer.toString(p.index()).equals(prov.detail(INDEX))) {
            return Optional.of(INDEX + " was " + prov.detail(INDEX));
        }
        String config = ConfigBinder.toTree(p.config()).toString();
        if (!sameJson(prov.detail(CONFIG), config)) {
            return Optional.of(CONFIG + " differs: was " + prov.detail(CONFIG) + ", now " + config);
        }
        if (prov.seed() != seed) {
            return Optional.of("seed was " + prov.seed() + ", now " + seed);
        }
        if (!inputSha256.equals(prov.detail(INPUT_SHA256))) {
            return Optional.of("its input artifact differs (" + INPUT_SHA256 + " was " + prov.detail(INPUT_SHA256)
                    + ", now " + inputSha256 + ")");
        }
        return Optional.empty();
    }

    // Compared as trees: maps inside a config may serialise their keys in another order in another JVM.
    private static boolean sameJson(String recorded, String now) {
        if (recorded == null) {
            return false;
        }
        try {
            return ConfigMappers.plain().readTree(recorded).equals(ConfigMappers.plain().readTree(now));
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
