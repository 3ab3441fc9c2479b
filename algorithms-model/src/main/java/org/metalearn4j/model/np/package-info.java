/**
 * Neural processes for regression (Garnelo et al. 2018; Kim et al. 2019): {@code cnp} (deterministic encoder, mean
 * aggregation), {@code np} (plus a Gaussian latent path trained with the ELBO) and {@code anp} (multi-head
 * cross-attention from target inputs to context inputs, self-attention in the encoders). Their predictors give a
 * Gaussian mean and a lower-bounded standard deviation per query point
 * ({@link org.metalearn4j.core.learner.ProbabilisticPredictor}), so evaluation reports the query log-likelihood beside
 * the MSE.
 */
package org.metalearn4j.model.np;
