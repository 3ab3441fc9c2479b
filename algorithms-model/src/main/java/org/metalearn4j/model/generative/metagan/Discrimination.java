package org.metalearn4j.model.generative.metagan;

import java.util.List;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A few-shot classifier as MetaGAN's discriminator (Zhang et al. 2018, after Salimans et al. 2016): its N class
 * logits get an (N+1)-th, "fake", logit {@code b}, a learned scalar. With {@code s(x) = logsumexp(logits) - b} the
 * probability that x is real is {@code D(x) = sigmoid(s(x))}, so
 * <ul>
 *   <li>the supervised loss is cross-entropy over the N+1 logits;</li>
 *   <li>a real example costs {@code -log D = softplus(-s)}, a generated one {@code -log(1 - D) = softplus(s)};</li>
 *   <li>the non-saturating generator loss is {@code -log D(fake) = softplus(-s(fake))}.</li>
 * </ul>
 * Every function is differentiable to any order (MAML differentiates through the inner loop's loss).
 */
final class Discrimination {
    private Discrimination() {
    }

    /** {@code s = logsumexp(logits) - b} per row, {@code [n]}: the log-odds that each example is real. */
    static Tensor realness(Tensor logits, Tensor fakeLogit) {
        // the shift by the row maximum is a constant: the gradient of logsumexp does not depend on it
        Tensor max = logits.max(true, 1).detach();
        Tensor logSumExp = logits.sub(max).exp().sum(true, 1).log().add(max);
        return logSumExp.sub(fakeLogit).reshape(logits.shape()[0]);
    }

    /** Mean cross-entropy over the N real logits and the fake logit, of real examples of classes {@code labels}. */
    static Tensor supervised(Tensor logits, Tensor fakeLogit, int[] labels) {
        Tensor fake = fakeLogit.reshape(1, 1).expand(logits.shape()[0], 1);
        return Losses.crossEntropy(Tensor.concat(1, List.of(logits, fake)), labels);
    }

    /** Mean {@code -log D} of real examples. */
    static Tensor realLoss(Tensor realness) {
        return realness.neg().softplus().mean();
    }

    /** Mean {@code -log(1 - D)} of generated examples. */
    static Tensor fakeLoss(Tensor realness) {
        return realness.softplus().mean();
    }

    /**
     * The classifier's loss on labelled real examples and generated ones: supervised cross-entropy plus
     * {@code weight} times the real and fake terms.
     */
    static Tensor classifierLoss(Tensor realLogits, int[] labels, Tensor fakeLogits, Tensor fakeLogit,
                                 double weight) {
        Tensor supervised = supervised(realLogits, fakeLogit, labels);
        if (weight == 0) {
            return supervised;
        }
        return supervised.add(realLoss(realness(realLogits, fakeLogit))
                .add(fakeLoss(realness(fakeLogits, fakeLogit))).mul(weight));
    }

    /**
     * The generator's loss: feature matching of the mean classifier features of real and generated examples, or
     * {@code -log D} of the generated ones.
     */
    static Tensor generatorLoss(GeneratorLoss kind, Tensor realFeatures, Tensor fakeFeatures, Tensor fakeLogits,
                                Tensor fakeLogit) {
        return switch (kind) {
            case FEATURE_MATCHING -> realFeatures.mean(false, 0).sub(fakeFeatures.mean(false, 0)).square().sum();
            case NON_SATURATING -> realLoss(realness(fakeLogits, fakeLogit));
        };
    }

    /** The mean probability {@code D} that examples with these realness values are real. */
    static double meanRealProbability(Tensor realness) {
        double[] d = probabilities(realness);
        double sum = 0;
        for (double v : d) {
            sum += v;
        }
        return sum / d.length;
    }

    /** The probabilities {@code D = sigmoid(s)} that examples with these realness values are real. */
    static double[] probabilities(Tensor realness) {
        double[] s = realness.value().castTo(DataType.DOUBLE).toDoubleVector();
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = 1 / (1 + Math.exp(-s[i]));
        }
        return d;
    }
}
