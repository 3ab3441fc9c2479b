/**
 * Small closed-form and second-order solvers on plain ND4J arrays in float64 (regularised linear solves, feature
 * standardisation, L2-regularised logistic regression by Newton's method), shared by the zero-shot learners and
 * instance transfer. None of them needs the autodiff engine: their gradients and Hessians are textbook formulas.
 */
package org.metalearn4j.transfer.linalg;
