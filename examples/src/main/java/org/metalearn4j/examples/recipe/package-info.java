/**
 * The one-shot recipe search: {@link org.metalearn4j.examples.recipe.RecipeBenchmark} trains any learner on
 * {@code omniglot-small} for a wall-clock budget, draws its learning curve on a validation or test split and reports
 * 5-way, 20-way and within-alphabet 20-way one-shot scores, for one run or an ensemble of runs.
 */
package org.metalearn4j.examples.recipe;
