/**
 * Instance transfer: source examples reweighted by how target-like they are, so training on the source approximates
 * training on the target distribution (covariate-shift correction, e.g. Bickel, Brückner and Scheffer 2009).
 */
package org.metalearn4j.transfer.instance;
