package org.metalearn4j.transfer.metatrain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.TaskType;

/**
 * A meta-trained learner as a LEARNER artifact and back: state {@code learner.*} (everything {@link Learner#state()}
 * returns) and {@code backbone.*}; provenance names the learner, its bound config (JSON), the episode width, the task
 * type and output width, and the seed, which is all needed to recreate it and {@link Learner#load} the state.
 * Artifacts written before the task type was recorded are classification learners with one output per way. A model
 * file of another trainer (a {@code metalearn train} checkpoint given as a pipeline's input) is restored from its
 * {@link ModelDescription}.
 */
public final class LearnerArtifacts {
    static final String NAME = "learner";
    static final String CONFIG = "learner.config";
    static final String WAYS = "learner.ways";
    static final String SEED = "learner.seed";
    static final String TYPE = "learner.type";
    static final String OUTPUTS = "learner.outputs";

    private LearnerArtifacts() {
    }

    static Artifact of(String name, Record config, LearnerContext created, Learner learner,
                       Map<String, Double> metrics, StageContext context) {
        StateDict state = new StateDict().putAll("learner.", learner.state()).putAll("backbone.", learner.backbone());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(NAME, name);
        provenance.put(CONFIG, ConfigBinder.toTree(config).toString());
        provenance.put(WAYS, Integer.toString(created.ways()));
        provenance.put(SEED, Long.toString(created.seed()));
        provenance.put(TYPE, created.type().name());
        provenance.put(OUTPUTS, Integer.toString(created.outputs()));
        return new Artifact(ArtifactKind.LEARNER, state, metrics, context.provenance(provenance));
    }

    /** Creates the learner named in {@code artifact} for inputs of {@code inputShape} and loads its saved state. */
    public static Learner restore(Artifact artifact, ProviderRegistry registry, long[] inputShape) {
        Map<String, String> p = artifact.provenance().details();
        ModelDescription model = artifact.model();
        if (!p.containsKey(NAME) && model != null) {
            // a model file of another trainer (a metalearn train checkpoint): its description names the learner
            LearnerContext context = new LearnerContext(inputShape, model.type(), model.ways(), model.outputs(),
                    model.seed(), Optional.empty(), registry);
            Learner learner = create(registry.learner(model.learner()), model.learnerParams(), "the input's model"
                    + " description", context);
            learner.load(artifact.state().withPrefix("learner."));
            return learner;
        }
        if (!p.containsKey(NAME) || !p.containsKey(CONFIG) || !p.containsKey(WAYS) || !p.containsKey(SEED)) {
            throw new IllegalArgumentException("LEARNER artifact from stage '" + p.getOrDefault("stage", "?")
                    + "' lacks learner provenance (" + NAME + ", " + CONFIG + ", " + WAYS + ", " + SEED + ")");
        }
        JsonNode config = ConfigMappers.readJson(p.get(CONFIG), "the artifact's " + CONFIG);
        int ways = Integer.parseInt(p.get(WAYS));
        TaskType type = p.containsKey(TYPE) ? TaskType.valueOf(p.get(TYPE)) : TaskType.CLASSIFICATION;
        int outputs = p.containsKey(OUTPUTS) ? Integer.parseInt(p.get(OUTPUTS)) : ways;
        LearnerContext context = new LearnerContext(inputShape, type, ways, outputs, Long.parseLong(p.get(SEED)),
                Optional.empty(), registry);
        Learner learner = create(registry.learner(p.get(NAME)), config, CONFIG, context);
        learner.load(artifact.state().withPrefix("learner."));
        return learner;
    }

    /** Binds {@code params} (found at {@code path}, for messages) and creates the learner for {@code context}. */
    static <C extends Record> Learner create(LearnerProvider<C> provider, JsonNode params, String path,
                                             LearnerContext context) {
        C config = ConfigBinder.bindParams(provider, params, path, null);
        return ConfigBinder.create(provider.configType(), path, null, () -> provider.create(config, context));
    }
}
