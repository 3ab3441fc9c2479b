/**
 * Networks the transfer stages train: a backbone (core's {@link org.metalearn4j.core.nn.BackboneSpec}: conv4 or mlp)
 * with a linear head, their saved form in pipeline artifacts (parameters, batch-norm statistics, architecture as
 * {@link org.metalearn4j.transfer.model.BackboneProvenance}, trainable flags), and the small supervised loop the
 * stages share. The loop is deliberately minimal; it should later be replaced by core.train's loop.
 */
package org.metalearn4j.transfer.model;
