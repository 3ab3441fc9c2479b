/**
 * Image completion as regression (Garnelo et al. 2018): each task is one image, its inputs the pixel coordinates and
 * its targets the intensities; the support set is a random subset of pixels and the query set the others.
 * {@link org.metalearn4j.datasets.completion.ImageCompletionProvider} ({@code image-completion}) serves it over
 * Fashion-MNIST or the shipped Omniglot images.
 */
package org.metalearn4j.datasets.completion;
