package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.pipeline.Artifact;

/**
 * The provenance {@link PipelineRunner} adds to every stage's artifact, and the check that a saved artifact is what a
 * stage of this run would produce. A stage is identified by its name, index, bound config, seed and the checksum of
 * the artifact it started from; the input's own provenance is copied under the {@code input.} prefix for readers.
 */
final class StageProvenance {
    static final String STAGE = "stage";
    static final String INDEX = "stage.index";
    static final String CONFIG = "stage.config";
    static final String SEED = "seed";
    /** SHA-256 of the input artifact's file, or {@link #NO_INPUT} at the pipeline start. */
    static final String INPUT_SHA256 = "stage.input.sha256";
    static final String NO_INPUT = "none";

    private StageProvenance() {
    }

    /** The stage's own provenance with the runner's keys added. */
    static Map<String, String> of(PlannedStage p, long seed, Artifact out, Artifact input, String inputSha256) {
        Map<String, String> prov = new LinkedHashMap<>(out.provenance());
        prov.put(STAGE, p.name());
        prov.put(INDEX, Integer.toString(p.index()));
        prov.put(CONFIG, ConfigBinder.toTree(p.config()).toString());
        prov.put(SEED, Long.toString(seed));
        prov.put(INPUT_SHA256, inputSha256);
        input.provenance().forEach((k, v) -> prov.put("input." + k, v));
        return prov;
    }

    /**
     * Why a saved artifact is not what stage {@code p} would produce now, e.g. {@code stage.config differs}; empty
     * when it matches and can be reused.
     */
    static Optional<String> difference(Artifact saved, PlannedStage p, long seed, String inputSha256) {
        Map<String, String> prov = saved.provenance();
        if (saved.kind() != p.stage().produces()) {
            return Optional.of("it holds a " + saved.kind() + " but the stage produces " + p.stage().produces());
        }
        if (!p.name().equals(prov.get(STAGE))) {
            return Optional.of(STAGE + " was '" + prov.get(STAGE) + "'");
        }
        if (!Integer.toString(p.index()).equals(prov.get(INDEX))) {
            return Optional.of(INDEX + " was " + prov.get(INDEX));
        }
        String config = ConfigBinder.toTree(p.config()).toString();
        if (!sameJson(prov.get(CONFIG), config)) {
            return Optional.of(CONFIG + " differs: was " + prov.get(CONFIG) + ", now " + config);
        }
        if (!Long.toString(seed).equals(prov.get(SEED))) {
            return Optional.of(SEED + " was " + prov.get(SEED) + ", now " + seed);
        }
        if (!inputSha256.equals(prov.get(INPUT_SHA256))) {
            return Optional.of("its input artifact differs (" + INPUT_SHA256 + " was " + prov.get(INPUT_SHA256)
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
