/**
 * Small dense linear algebra in float64 on plain Java arrays, for closed forms that must be exact and identical on
 * every machine (Gaussian-process posteriors, ridge regressions): {@link org.metalearn4j.core.linalg.Cholesky}.
 */
package org.metalearn4j.core.linalg;
