package org.metalearn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigDocs;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.backbone.BackboneProvider;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.spi.Provider;

/**
 * Every key a user can write has a description that {@code metalearn config --defaults} prints: each record
 * component of the run configuration and of every provider's configuration found on this class path (learners, data
 * sets, stages, backbones; backends have none), at any depth, inside lists and maps too.
 */
class ConfigDescriptionsTest {

    @Test
    void everyConfigKeyOfEveryProviderHasADescription() {
        List<Provider<?>> providers = new ArrayList<>();
        for (Class<?> service : List.of(LearnerProvider.class, DatasetProvider.class, StageProvider.class,
                BackboneProvider.class)) {
            ServiceLoader.load(service).forEach(p -> providers.add((Provider<?>) p));
        }
        assertThat(providers).extracting(Provider::name)
                .contains("maml", "fomaml", "anil", "metasgd", "reptile", "protonet", "matchingnet", "relationnet",
                        "siamese", "omniglot", "omniglot-small", "fashion-mnist", "sinusoid", "harmonic", "gp-curves",
                        "pretrain", "finetune", "meta-train", "evaluate", "multitask", "zeroshot",
                        "instance-transfer", "distill", "test-centroid", "test-blobs", "conv4", "mlp", "resnet12",
                        "maml-rl", "fomaml-rl", "pretrain-rl", "joint", "nav2d", "movielens", "wordnet-glosses",
                        "breast-cancer-sites");

        List<String> missing = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        walk(RunConfig.class, "run config", missing, seen);
        for (Provider<?> p : providers) {
            walk(p.configType(), p.name(), missing, seen);
        }
        assertThat(missing).as("record components without @JsonPropertyDescription").isEmpty();
        assertThat(seen).contains(BackboneSpec.class);
    }

    private static void walk(Type type, String at, List<String> missing, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                walk(argument, at, missing, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || !seen.add(c)) {
            return;
        }
        for (RecordComponent component : c.getRecordComponents()) {
            String path = at + ": " + c.getSimpleName() + "." + component.getName();
            if (ConfigDocs.description(component) == null || ConfigDocs.description(component).isBlank()) {
                missing.add(path);
            }
            walk(component.getGenericType(), at, missing, seen);
        }
    }
}
