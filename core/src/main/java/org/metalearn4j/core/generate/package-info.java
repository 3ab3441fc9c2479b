/**
 * Generated examples as data: an {@link org.metalearn4j.core.generate.ExampleGenerator} makes new examples of a class
 * from a few of them, a {@link org.metalearn4j.core.generate.GenerativeLearner} meta-learns one, and
 * {@link org.metalearn4j.core.generate.GeneratedSupport} adds its examples to every support set of a task stream, so
 * any learner can train or adapt with them. Data sets offer that as a parameter
 * ({@link org.metalearn4j.core.generate.GeneratedSupportConfig}) that names a trained generator's run, loaded with
 * {@link org.metalearn4j.core.generate.GeneratorRun}; no data-set module depends on the module that trains it.
 */
package org.metalearn4j.core.generate;
