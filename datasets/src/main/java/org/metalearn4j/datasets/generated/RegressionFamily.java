package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/** A family of 1-D functions; each task draws one member and evaluates it at random inputs. */
@FunctionalInterface
public interface RegressionFamily {

    /**
     * Draws one function from {@code random}, fills {@code x[i]} with inputs and {@code y[i]} with its values, and
     * returns the parameters the function was drawn with (they become the task's descriptor).
     */
    double[] sample(SplittableRandom random, float[] x, float[] y);
}
