package org.metalearn4j.model.hyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightGeneratorTest {
    /** With the gate at its initial 0 the euclidean generator is ProtoNet: minus the squared distance to class means. */
    @Test
    void euclideanStartsAsPrototypicalNetwork() {
        Backbone backbone = BackboneSpec.mlp(6).build(new long[] {4}, BackboneUse.EMBEDDING);
        WeightGenerator model = new WeightGenerator(backbone.module(), 6, new WeightGenConfig(BackboneSpec.mlp(6), 3,
                5, Distance.SQUARED_EUCLIDEAN, 4.0, 0, ScheduledAdamConfig.constant(1e-3)));
        Params p = model.init(3, DataType.DOUBLE, Optional.empty());
        assertThat(p.names()).contains("head.gate").doesNotContain("head.scale", "head.prototypeScale");
        int[] labels = {1, 0, 1, 0, 2};
        INDArray support = model.embed(p, Tensor.constant(GradCheck.random(5, 5, 4)), ForwardContext.eval()).value();
        INDArray queries = model.embed(p, Tensor.constant(GradCheck.random(6, 3, 4)), ForwardContext.eval()).value();
        Tensor w = model.classWeights(p, Tensor.constant(support), labels, 3, null);
        INDArray logits = model.logits(p, w, Tensor.constant(queries)).value();
        INDArray[] means = {support.getRow(1).add(support.getRow(3)).div(2),
            support.getRow(0).add(support.getRow(2)).div(2), support.getRow(4)};
        for (int q = 0; q < 3; q++) {
            for (int k = 0; k < 3; k++) {
                double d2 = queries.getRow(q).sub(means[k]).norm2Number().doubleValue();
                assertThat(logits.getDouble(q, k)).isCloseTo(-d2 * d2, within(1e-12));
            }
        }
    }

    /** Cosine similarity over non-negative features sees angles of at most 90 degrees; the default is signed. */
    @Test
    void theDefaultCosineClassifierReadsSignedConv4Features() {
        WeightGenConfig defaults = new WeightGenProvider().defaults();
        assertThat(defaults.distance()).isEqualTo(Distance.COSINE);
        Backbone backbone = defaults.backbone().build(new long[] {1, 28, 28}, BackboneUse.EMBEDDING);
        INDArray features = backbone.module().forward(backbone.module().init(1),
                Tensor.constant(Nd4j.rand(DataType.FLOAT, 6, 1, 28, 28)), ForwardContext.training(1)).value();
        assertThat(features.minNumber().doubleValue()).isLessThan(0.0);
        assertThat(features.maxNumber().doubleValue()).isGreaterThan(0.0);
    }
}
