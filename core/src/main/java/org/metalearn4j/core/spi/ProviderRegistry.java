package org.metalearn4j.core.spi;

import java.util.Collection;
import java.util.Optional;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.backbone.BackboneProvider;
import org.metalearn4j.core.optim.OptimizerProvider;
import org.metalearn4j.core.pipeline.StageProvider;

/**
 * Everything discovered on the class path and in plugin JARs, by name. A lookup of an unknown name fails with a
 * message listing the names that are available.
 */
public interface ProviderRegistry {

    LearnerProvider<?> learner(String name);

    DatasetProvider<?> dataset(String name);

    StageProvider<?> stage(String name);

    Backend backend(String name);

    BackboneProvider<?> backbone(String name);

    OptimizerProvider<?> optimizer(String name);

    Collection<LearnerProvider<?>> learners();

    Collection<DatasetProvider<?>> datasets();

    Collection<StageProvider<?>> stages();

    Collection<Backend> backends();

    Collection<BackboneProvider<?>> backbones();

    Collection<OptimizerProvider<?>> optimizers();

    /**
     * When {@code failure} was thrown by (or through) a provider's code from a plugin JAR: one line naming the JAR,
     * its providers, the frame and the exception, to report instead of the exception's bare text. Empty for
     * failures of the application's own code, and by default.
     */
    default Optional<String> blame(Throwable failure) {
        return Optional.empty();
    }
}
