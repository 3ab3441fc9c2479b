/**
 * Data sets and episodic task sampling: Omniglot (shipped small sets, full set with Vinyals split, official one-shot
 * runs), Fashion-MNIST from IDX files, generated regression task families, and a fast in-memory N-way K-shot sampler.
 *
 * <p>Tensor conventions used by every data set here: images are float32 {@code [n, 1, H, W]} (NCHW) with strokes or
 * bright pixels 1 and background 0; classification labels are rank-1 <b>int64</b> class indices {@code 0..N-1};
 * regression inputs and targets are float32 {@code [n, 1]}.
 */
package org.metalearn4j.datasets;
