/**
 * Weight generation (Gidaris and Komodakis 2018; Qiao et al. 2018) and hypernetworks (Ha et al. 2017): a task
 * encoder reads the support set and a generator produces the weights of the task's predictor, end to end on
 * episodes. {@code weightgen} generates the class weights of a cosine (or squared-Euclidean) classifier over
 * backbone embeddings;
 * {@code hypernet} generates every weight of a small MLP for regression. Both can also condition on a task's
 * descriptor vector when the data set provides one ({@code descriptorSize}).
 */
package org.metalearn4j.model.hyper;
