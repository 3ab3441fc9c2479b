package org.metalearn4j.core.nn.backbone;

import org.metalearn4j.core.spi.Provider;

/**
 * Discovered through {@link java.util.ServiceLoader} (one class plus a line in
 * {@code META-INF/services/org.metalearn4j.core.nn.backbone.BackboneProvider}): a feature-extractor architecture that
 * any learner or transfer stage can use by writing {@code backbone: {type: NAME, ...params}} in its config. The
 * built-in ones are {@code conv4} and {@code mlp}; a plugin JAR adds its own the same way.
 *
 * <p>Parameter names of the module must be stable for a given config and input shape: checkpoints and pretrained
 * backbones are matched by them.
 */
public interface BackboneProvider<C extends Record> extends Provider<C> {

    /**
     * The network for examples of shape {@code inputShape} (without the batch dimension).
     *
     * @throws IllegalArgumentException naming {@code backbone.type} or the offending parameter when the architecture
     *                                  cannot take inputs of this shape
     */
    Backbone create(C config, long[] inputShape, BackboneUse use);
}
