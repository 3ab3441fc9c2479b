package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Evaluation adaptation: no leakage between episodes or into the learner, and ANIL adapts the head alone. */
class AdapterTest {
    private static MamlConfig config() {
        return new MamlConfig(MamlConfig.Order.SECOND, 1, 0.05, 3, BackboneSpec.mlp(8, 8),
                MetaOptimizerConfig.defaults(), 0, 1);
    }

    static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    @Test
    void adaptedModelNeverLeaksBetweenEpisodesOrIntoTheLearner() throws IOException {
        Learner learner = GradientMetaLearner.create(config(), SinusoidTasks.context(1),
                GradientMetaLearner.Variant.META_SGD, DataType.FLOAT);
        learner.step(SinusoidTasks.batch(2, 0, 4, 10, 10));
        byte[] before = bytes(learner.state());
        Task a = SinusoidTasks.task(10, 10, 20);
        Task b = SinusoidTasks.task(11, 10, 20);
        var adapter = learner.adapter();

        INDArray first = adapter.adapt(a.support(), TaskType.REGRESSION, 1).predict(a.query().x());
        Predictor onB = adapter.adapt(b.support(), TaskType.REGRESSION, 1);
        INDArray bOut = onB.predict(b.query().x());
        INDArray again = adapter.adapt(a.support(), TaskType.REGRESSION, 1).predict(a.query().x());

        assertThat(again).isEqualTo(first);
        assertThat(onB.predict(b.query().x())).as("a predictor is not changed by later episodes").isEqualTo(bOut);
        assertThat(bOut).isNotEqualTo(first);
        assertThat(bytes(learner.state())).as("adapting must not touch the learner").isEqualTo(before);
    }

    @Test
    void adaptationLowersTheSupportLoss() {
        GradientMetaLearner learner = GradientMetaLearner.create(config(), SinusoidTasks.context(4),
                GradientMetaLearner.Variant.MAML, DataType.FLOAT);
        Task t = SinusoidTasks.task(3, 10, 10);
        Params init = constants(learner.state().withPrefix("params."));
        Params adapted = learner.adapter().adaptedParams(t.support(), TaskType.REGRESSION, 1);
        assertThat(supportMse(learner, adapted, t)).isLessThan(supportMse(learner, init, t));
    }

    private static Params constants(StateDict state) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        state.asMap().forEach((name, value) -> m.put(name, Tensor.constant(value)));
        return Params.of(m);
    }

    private static double supportMse(GradientMetaLearner learner, Params params, Task t) {
        Tensor out = learner.model().whole().forward(params, Tensor.constant(t.support().x().castTo(DataType.FLOAT)),
                ForwardContext.training(0));
        return Losses.mse(out, Tensor.constant(t.support().y().castTo(DataType.FLOAT))).item();
    }

    @ParameterizedTest
    @EnumSource(value = GradientMetaLearner.Variant.class, names = {"ANIL", "MAML"})
    void onlyAnilLeavesTheBodyUntouchedInTheInnerLoop(GradientMetaLearner.Variant variant) {
        GradientMetaLearner learner = GradientMetaLearner.create(config(), SinusoidTasks.context(5), variant,
                DataType.FLOAT);
        StateDict init = learner.state().withPrefix("params.");
        Params adapted = learner.adapter().adaptedParams(SinusoidTasks.task(6, 10, 5).support(),
                TaskType.REGRESSION, 1);
        for (String name : adapted.names()) {
            boolean unchanged = adapted.get(name).value().equals(init.get(name));
            boolean inBody = !name.startsWith("head.");
            assertThat(unchanged).as(name).isEqualTo(inBody && variant == GradientMetaLearner.Variant.ANIL);
        }
    }
}
