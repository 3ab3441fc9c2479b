package org.metalearn4j.model.generative.metagan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.model.generative.DecoderArchitecture;
import org.metalearn4j.model.generative.Glyphs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The whole per-task computation of MetaGAN's maml classifier in float64: the classifier's meta-gradient (exact
 * second order, through two inner steps on real and generated support examples) and the generator's gradient, both
 * against central differences of the losses the learner itself reports for perturbed parameters.
 *
 * <p>The generator's gradient follows its fakes into the query loss only: the fakes of the inner loop are constants
 * by design (each player's gradient holds the other's current output fixed). Its check therefore runs with
 * {@code adversarialWeight} 0, where the inner loop does not see fakes and that gradient is the exact one.
 */
class MetaGanGradientTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void classifierMetaGradientMatchesFiniteDifferences() {
        Task task = Glyphs.episodes(2, 1, 2, 2).sample(5);
        MamlMetaGanLearner learner = learner(GeneratorLoss.FEATURE_MATCHING, 0.8);
        check(learner, learner.state(), task, "params.", "classifier.", r -> r.loss(), learner.computeTask(task, 0));
    }

    @ParameterizedTest
    @EnumSource(GeneratorLoss.class)
    void generatorGradientMatchesFiniteDifferences(GeneratorLoss loss) {
        Task task = Glyphs.episodes(2, 1, 2, 2).sample(6);
        MamlMetaGanLearner learner = learner(loss, 0);
        check(learner, learner.state(), task, "generator.params.", "generator.",
                r -> r.extras().get("generatorLoss"), learner.computeTask(task, 0));
    }

    @Test
    void convolutionalGeneratorGradientMatchesFiniteDifferences() {
        Task task = Glyphs.episodes(2, 1, 2, 4).sample(7);
        MamlMetaGanLearner learner = learner(GeneratorLoss.FEATURE_MATCHING, 0, DecoderArchitecture.CONV, 4);
        check(learner, learner.state(), task, "generator.params.", "generator.",
                r -> r.extras().get("generatorLoss"), learner.computeTask(task, 0));
    }

    private static MamlMetaGanLearner learner(GeneratorLoss loss, double adversarialWeight) {
        return learner(loss, adversarialWeight, DecoderArchitecture.MLP, 2);
    }

    private static MamlMetaGanLearner learner(GeneratorLoss loss, double adversarialWeight,
                                              DecoderArchitecture architecture, int side) {
        MetaGanConfig config = new MetaGanConfig(ClassifierKind.MAML, BackboneSpec.mlp(3),
                new InnerLoopSettings(true, 2, 0.3, 1), new MetricSettings(Distance.SQUARED_EUCLIDEAN, 1, 1),
                OptimizerConfig.constant(1e-3), new GeneratorSettings(2, 2, architecture, List.of(3), 2, loss,
                OptimizerConfig.constant(1e-3)), 1, adversarialWeight, 0, 1);
        return (MamlMetaGanLearner) MetaGanProvider.create(config, Glyphs.context(2, side, 3), DataType.DOUBLE);
    }

    private static void check(MamlMetaGanLearner learner, StateDict start, Task task, String statePrefix,
                              String resultPrefix, Function<TaskResult, Double> objective, TaskResult result) {
        List<String> names = new ArrayList<>(start.withPrefix(statePrefix).names());
        names.sort(null);
        List<INDArray> values = new ArrayList<>();
        List<INDArray> analytic = new ArrayList<>();
        for (String name : names) {
            values.add(start.get(statePrefix + name).dup());
            analytic.add(result.tensors().get(resultPrefix + name));
        }
        Function<List<INDArray>, Double> f = xs -> {
            StateDict perturbed = new StateDict().putAll("", start);
            for (int i = 0; i < names.size(); i++) {
                perturbed.put(statePrefix + names.get(i), xs.get(i));
            }
            learner.load(perturbed);
            return objective.apply(learner.computeTask(task, 0));
        };
        double largest = 0;
        for (int i = 0; i < names.size(); i++) {
            INDArray numeric = GradCheck.numericGradient(f, values, i);
            assertThat(GradCheck.maxRelativeError(analytic.get(i), numeric)).as(names.get(i))
                    .isLessThan(TOLERANCE);
            largest = Math.max(largest, numeric.amaxNumber().doubleValue());
        }
        // a gradient that is zero everywhere would match its finite differences without checking anything
        assertThat(largest).as("largest gradient entry").isGreaterThan(1e-3);
        learner.load(start);
    }
}
