package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A short second-order MAML meta-training on sinusoids (1-40-40-1, K = 10, one inner step of 0.01, Adam 3e-3, 300
 * iterations of one task) must lower the post-adaptation query MSE on 50 fixed held-out tasks by at least 15% (measured
 * 4.46 before, 3.53 after). It is the one slow test here (about 45 s on the loaded 2-core machine): the sinusoid
 * benchmark main in {@code examples} runs the full protocol.
 */
class SinusoidTrainingTest {
    private static final int ITERATIONS = 300;

    private static double postAdaptationMse(Learner learner) {
        var adapter = learner.adapter();
        double sum = 0;
        int tasks = 50;
        for (int i = 0; i < tasks; i++) {
            Task t = SinusoidTasks.task(1_000_000 + i, 10, 50);
            Predictor p = adapter.adapt(t.support(), TaskType.REGRESSION, 1);
            INDArray diff = p.predict(t.query().x()).castTo(DataType.DOUBLE).sub(t.query().y());
            sum += diff.mul(diff).meanNumber().doubleValue();
        }
        return sum / tasks;
    }

    @Test
    void metaTrainingLowersPostAdaptationMse() {
        MamlConfig config = new MamlConfig(MamlConfig.Order.SECOND, 1, 0.01, 1, BackboneSpec.mlp(40, 40),
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 3e-3), 0, 1);
        Learner maml = GradientMetaLearner.create(config, SinusoidTasks.context(7), GradientMetaLearner.Variant.MAML,
                DataType.FLOAT);
        double before = postAdaptationMse(maml);
        for (int i = 0; i < ITERATIONS; i++) {
            maml.step(SinusoidTasks.batch(77, i, 1, 10, 10));
        }
        double after = postAdaptationMse(maml);
        assertThat(after).as("post-adaptation MSE before %.3f, after %.3f", before, after).isLessThan(0.85 * before);
    }
}
