package org.metalearn4j.optimization.bayes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.LearnedHead;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.Coordinates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * M samples ("particles") of one network's parameters, named {@code particle.<m>.<name>}: the network's
 * {@code backbone.*} and {@code head.*} and, for regression, a learned log precision of the Gaussian observation noise
 * ({@code particle.<m>.noise}). Each particle's loss is its negative log-likelihood per example: cross-entropy, or
 * {@code 0.5 exp(noise) mse - 0.5 noise} (the Gaussian's without its constant).
 */
public final class Particles {
    /** The name of a particle's log noise precision (regression). */
    public static final String NOISE = "noise";

    private final BackboneHeadModel model;
    private final int count;
    private final TaskType type;

    public Particles(BackboneHeadModel model, int count, TaskType type) {
        this.model = model;
        this.count = count;
        this.type = type;
    }

    /** How many particles. */
    public int count() {
        return count;
    }

    /** The network each particle runs. */
    public BackboneHeadModel model() {
        return model;
    }

    /** The name prefix of particle {@code m}. */
    public static String prefix(int m) {
        return "particle." + m;
    }

    /** The layout of every particle's parameters inside the joint set, particle by particle. */
    public List<Coordinates> layouts(Params all) {
        List<Coordinates> out = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            String prefix = prefix(m) + ".";
            out.add(Coordinates.of(all.filter(n -> n.startsWith(prefix))));
        }
        return out;
    }

    /**
     * The joint parameter set of the particles' networks, in particle order, each regression particle with a log
     * noise precision starting at {@code logPrecision}.
     */
    public Params join(List<Params> particles, double logPrecision) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (int m = 0; m < particles.size(); m++) {
            Params p = particles.get(m);
            for (String n : p.names()) {
                all.put(prefix(m) + "." + n, p.get(n));
            }
            if (type == TaskType.REGRESSION) {
                DataType dataType = p.tensors().get(0).dataType();
                all.put(prefix(m) + "." + NOISE, Tensor.variable(Nd4j.valueArrayOf(new long[] {1}, logPrecision,
                        dataType)));
            }
        }
        return Params.of(all);
    }

    /**
     * The particles with each one's meta-learned classifier head sized to an episode of {@code ways} classes as
     * {@link LearnedHead} sizes one network's: every particle's classes start at that particle's mean learned row.
     */
    public Params forWays(Params all, int ways) {
        Params out = all;
        for (int m = 0; m < count; m++) {
            out = LearnedHead.forWays(out, prefix(m) + "." + BackboneHeadModel.HEAD, type, ways);
        }
        return out;
    }

    /** Each particle's outputs for {@code x}. */
    public List<Tensor> outputs(Params all, Tensor x, ForwardContext ctx) {
        List<Tensor> out = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            out.add(model.forward(all.scope(prefix(m)), x, ctx));
        }
        return out;
    }

    /** The sum over particles of their negative log-likelihoods per example: each particle's gradient is its own. */
    public Tensor objective(Params all, TaskLoss data, ForwardContext ctx) {
        List<Tensor> outputs = outputs(all, data.x(), ctx);
        Tensor total = null;
        for (int m = 0; m < count; m++) {
            Tensor nll = nll(all.scope(prefix(m)), outputs.get(m), data);
            total = total == null ? nll : total.add(nll);
        }
        return total;
    }

    private Tensor nll(Params particle, Tensor output, TaskLoss data) {
        Tensor loss = data.loss(output);
        if (type == TaskType.CLASSIFICATION) {
            return loss;
        }
        Tensor logPrecision = particle.get(NOISE).sum();
        return logPrecision.exp().mul(loss).mul(0.5).sub(logPrecision.mul(0.5));
    }

    /**
     * The ensemble's predictive distribution from the particles' outputs: regression, the mean of the particles'
     * predictions and their variance plus the mean noise variance; classification, the mean of their class
     * probabilities and the variance of those.
     */
    public UncertainPredictor.Predictive predictive(Params all, List<Tensor> outputs) {
        List<INDArray> values = new ArrayList<>(count);
        for (Tensor o : outputs) {
            values.add(type == TaskType.CLASSIFICATION ? Transforms.softmax(o.value(), true) : o.value().dup());
        }
        INDArray mean = values.get(0).ulike().assign(0);
        values.forEach(mean::addi);
        mean.divi(count);
        INDArray variance = mean.ulike().assign(0);
        for (INDArray v : values) {
            INDArray d = v.sub(mean);
            variance.addi(d.muli(d));
        }
        variance.divi(count);
        if (type == TaskType.REGRESSION) {
            double noise = 0;
            for (int m = 0; m < count; m++) {
                noise += Math.exp(-all.get(prefix(m) + "." + NOISE).value().getDouble(0));
            }
            variance.addi(noise / count);
        }
        return new UncertainPredictor.Predictive(mean, variance);
    }
}
