/**
 * Backbones (feature extractors) as providers: {@link org.metalearn4j.core.nn.backbone.BackboneProvider} is the
 * extension point, {@code conv4} and {@code mlp} are the built-in ones, and
 * {@link org.metalearn4j.core.nn.BackboneSpec} is how a config names one.
 */
package org.metalearn4j.core.nn.backbone;
