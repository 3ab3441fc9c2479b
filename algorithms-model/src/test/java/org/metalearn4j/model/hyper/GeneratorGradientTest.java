package org.metalearn4j.model.hyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metalearn4j.model.ParamsCheck.values;
import static org.metalearn4j.model.ParamsCheck.withParams;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Weight generation and the hypernetwork, differentiated end to end against float64 finite differences. */
class GeneratorGradientTest {

    @Test
    void hypernetworkQueryLossWithADescriptor() {
        HypernetConfig config = new HypernetConfig(4, 1, 3, List.of(5), 2, ScheduledAdamConfig.constant(1e-3));
        Hypernetwork model = new Hypernetwork(config, 1, 1);
        Params p = model.init(2, DataType.DOUBLE);
        Examples support = new Examples(GradCheck.random(3, 4, 1), GradCheck.random(4, 4, 1));
        var query = GradCheck.random(5, 6, 1);
        var target = Tensor.constant(GradCheck.random(6, 6, 1));
        var descriptor = Optional.of(Nd4j.createFromArray(0.5, -1.5));
        GradCheck.firstOrder(withParams(p, q -> Losses.mse(model.predict(model.weights(q, support, descriptor, "t",
                DataType.DOUBLE), query, DataType.DOUBLE), target)), values(p));
    }

    @ParameterizedTest
    @EnumSource(Distance.class)
    void generatedClassifierOverAnMlpBackbone(Distance distance) {
        Backbone backbone = BackboneSpec.mlp(6).build(new long[] {4}, BackboneUse.EMBEDDING);
        WeightGenConfig config = new WeightGenConfig(BackboneSpec.mlp(6), 3, 5, distance, 4.0, 1,
                ScheduledAdamConfig.constant(1e-3));
        WeightGenerator model = new WeightGenerator(backbone.module(), 6, config);
        Params init = model.init(1, DataType.DOUBLE, Optional.empty());
        // the gate starts at 0; move it so the generator's parameters get gradients too
        Params p = init.zip(init.filter(n -> n.equals("head.gate")),
                (t, g) -> Tensor.variable(Nd4j.createFromArray(0.7)));
        Tensor support = Tensor.constant(GradCheck.random(2, 6, 4));
        Tensor queries = Tensor.constant(GradCheck.random(3, 5, 4));
        Tensor descriptor = Tensor.constant(Nd4j.createFromArray(new double[][] {{0.3}}));
        int[] labels = {0, 1, 2, 0, 1, 2};
        Function<Params, Tensor> loss = q -> {
            ForwardContext ctx = ForwardContext.eval();
            Tensor w = model.classWeights(q, model.embed(q, support, ctx), labels, 3, descriptor);
            return Losses.crossEntropy(model.logits(q, w, model.embed(q, queries, ctx)), new int[] {0, 2, 1, 1, 0});
        };
        Params grads = p.grad(loss.apply(p), false);
        assertThat(grads.scope("head.generator").tensors()).as("the open gate routes gradient into the generator")
                .anySatisfy(g -> assertThat(g.value().norm2Number().doubleValue()).isGreaterThan(1e-6));
        GradCheck.firstOrder(withParams(p, loss), values(p));
    }
}
