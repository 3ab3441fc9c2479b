/**
 * Trained models for applications: {@link org.metalearn4j.core.model.FewShotModel} loads a model file without its
 * training data, adapts it to a support set of labelled images or arrays and predicts labels with probabilities
 * ({@link org.metalearn4j.core.model.FewShotClassifier}) or regression outputs
 * ({@link org.metalearn4j.core.model.FewShotRegressor}); {@link org.metalearn4j.core.model.ModelDescription} is
 * what a model file records to make that possible, and {@link org.metalearn4j.core.model.NpzExport} writes the
 * weights for use outside the JVM.
 */
package org.metalearn4j.core.model;
