package org.metalearn4j.model.generative.metagan;

/**
 * What a MetaGAN discriminator says about one episode: the probability {@code D(x)} that each real query is real, and
 * the same for generated examples of the episode.
 *
 * @param real {@code D} of the real queries
 * @param fake {@code D} of the generated examples
 */
public record RealFakeScores(double[] real, double[] fake) {
    public RealFakeScores {
        if (real.length == 0 || fake.length == 0) {
            throw new IllegalArgumentException("real and fake scores need at least one example each, got "
                    + real.length + " and " + fake.length);
        }
        real = real.clone();
        fake = fake.clone();
    }

    @Override
    public double[] real() {
        return real.clone();
    }

    @Override
    public double[] fake() {
        return fake.clone();
    }

    /**
     * The area under the ROC curve of telling real from fake by {@code D}: the probability that a random real example
     * scores above a random generated one (ties count half). 0.5 is no separation, 1 perfect.
     */
    public double auc() {
        double wins = 0;
        for (double r : real) {
            for (double f : fake) {
                wins += r > f ? 1 : r == f ? 0.5 : 0;
            }
        }
        return wins / ((double) real.length * fake.length);
    }
}
