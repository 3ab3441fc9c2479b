package org.metalearn4j.model.generative.statistician;

import org.metalearn4j.core.generate.ExampleGenerator;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link ExampleGenerator} of a trained {@link Statistician}: for each new example, c is drawn from
 * {@code q(c | support)}, z from {@code p(z | c)}, and the example is every pixel's Bernoulli probability (the mean
 * image, as neural-statistician samples are shown, rather than one binary draw). Works on its own snapshot of the
 * parameters and statistics.
 */
final class StatisticianGenerator implements ExampleGenerator {
    private final Statistician model;
    private final Params params;
    private final RunningStats stats;
    private final int minShots;
    private final int maxShots;
    private final DataType type;

    StatisticianGenerator(Statistician model, Params params, RunningStats stats, int minShots, int maxShots) {
        this.model = model;
        this.params = params;
        this.stats = stats;
        this.minShots = minShots;
        this.maxShots = maxShots;
        this.type = params.tensors().get(0).dataType();
    }

    @Override
    public long[] exampleShape() {
        return model.exampleShape();
    }

    @Override
    public int minShots() {
        return minShots;
    }

    @Override
    public int maxShots() {
        return maxShots;
    }

    @Override
    public INDArray generate(INDArray supports, int count, long seed) {
        checkSupports(supports, count);
        try (Scope noGrad = Autograd.noGrad()) {
            Tensor features = model.features(params, Tensor.constant(supports.castTo(type)),
                    new ForwardContext(false, stats, 0));
            return model.sample(params, features, count, new Noise(seed)).value().castTo(DataType.FLOAT);
        }
    }
}
