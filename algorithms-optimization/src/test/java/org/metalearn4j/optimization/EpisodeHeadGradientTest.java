package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The meta-gradient of learners whose head is built per episode (zero, Proto-MAML prototypes) against float64 central
 * differences of the post-adaptation query loss, written out here without InnerLoop or EpisodeHead: prototypes from
 * the support features, plain SGD (or Meta-SGD's rates, one row shared by every class) on backbone and head as
 * independent weights, then the query cross-entropy. The learner applies the meta-gradient with SGD at rate 1, so its
 * update is minus the meta-gradient.
 */
class EpisodeHeadGradientTest {
    private static final int WAYS = 3;
    private static final double INNER_LR = 0.1;

    private static GradientMetaLearner learner(GradientMetaLearner.Variant variant, HeadInit head,
                                               MamlConfig.Order order, int steps, double innerLr) {
        MamlConfig config = new MamlConfig(order, steps, innerLr, steps, BackboneSpec.mlp(5), head,
                MamlConfig.BatchStatistics.SEPARATE, new MetaOptimizerConfig(MetaOptimizerConfig.Kind.SGD, 1.0), 0, 1);
        return GradientMetaLearner.create(config, ClassificationTasks.context(3, WAYS), variant, DataType.DOUBLE);
    }

    /** What one meta-step subtracted from every meta-parameter. */
    private static StateDict metaStep(GradientMetaLearner learner, Task task) {
        StateDict before = learner.state().withPrefix("params.");
        learner.step(List.of(task));
        StateDict after = learner.state().withPrefix("params.");
        StateDict grad = new StateDict();
        for (String n : before.names()) {
            grad.put(n, before.get(n).sub(after.get(n)));
        }
        return grad;
    }

    /**
     * Query cross-entropy after {@code steps} inner steps from a head built per episode.
     *
     * @param frozen prototypes computed from these backbone values instead of the ones being adapted, or null
     */
    private static double postAdaptationLoss(BackboneHeadModel model, List<String> names, List<INDArray> values,
                                             GradientMetaLearner.Variant variant, HeadInit head, Task task,
                                             int steps, double lr, List<INDArray> frozen) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        Map<String, INDArray> alpha = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("alpha.")) {
                alpha.put(names.get(i).substring("alpha.".length()), values.get(i));
            } else {
                weights.put(names.get(i), values.get(i));
            }
        }
        INDArray xs = task.support().x();
        int[] labels = task.support().y().toIntVector();
        Map<String, INDArray> source = new LinkedHashMap<>(weights);
        if (frozen != null) {
            List<String> backbone = new ArrayList<>(weights.keySet());
            for (int i = 0; i < frozen.size(); i++) {
                source.put(backbone.get(i), frozen.get(i));
            }
        }
        INDArray features = model.features(constants(source), Tensor.constant(xs), ForwardContext.training(0))
                .value();
        INDArray w = Nd4j.zeros(DataType.DOUBLE, WAYS, features.size(1));
        INDArray b = Nd4j.zeros(DataType.DOUBLE, WAYS);
        if (head == HeadInit.PROTOTYPES) {
            for (int k = 0; k < WAYS; k++) {
                INDArray sum = Nd4j.zeros(DataType.DOUBLE, features.size(1));
                int count = 0;
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == k) {
                        sum.addi(features.getRow(i));
                        count++;
                    }
                }
                INDArray c = sum.divi(count);
                w.putRow(k, c.mul(2));
                b.putScalar(k, -c.mul(c).sumNumber().doubleValue());
            }
        }
        weights.put("head.weight", w);
        weights.put("head.bias", b);
        for (int s = 0; s < steps; s++) {
            List<String> keys = new ArrayList<>(weights.keySet());
            List<Tensor> vars = keys.stream().map(k -> Tensor.variable(weights.get(k))).toList();
            Tensor loss = Losses.crossEntropy(model.whole().forward(Params.of(keys, vars), Tensor.constant(xs),
                    ForwardContext.training(0)), labels);
            List<Tensor> g = Autograd.grad(loss, vars, false);
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(i);
                if (variant == GradientMetaLearner.Variant.ANIL && !k.startsWith("head.")) {
                    continue;
                }
                INDArray step = g.get(i).value().dup();
                if (variant == GradientMetaLearner.Variant.META_SGD) {
                    INDArray rate = alpha.get(k);
                    step = k.equals("head.weight") ? step.mulRowVector(rate) : k.equals("head.bias")
                            ? step.mul(rate.getDouble(0)) : step.mul(rate);
                } else {
                    step.muli(lr);
                }
                weights.put(k, weights.get(k).sub(step));
            }
        }
        return Losses.crossEntropy(model.whole().forward(constants(weights), Tensor.constant(task.query().x()),
                ForwardContext.training(0)), task.query().y().toIntVector()).item();
    }

    private static Params constants(Map<String, INDArray> values) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, Tensor.constant(v)));
        return Params.of(m);
    }

    @ParameterizedTest(name = "{0}, {1}, {2} inner steps")
    @CsvSource({"MAML, PROTOTYPES, 1", "MAML, PROTOTYPES, 2", "MAML, ZERO, 2", "ANIL, PROTOTYPES, 2",
        "META_SGD, PROTOTYPES, 1", "META_SGD, ZERO, 2"})
    void secondOrderUpdateIsTheExactMetaGradientThroughTheHeadsStart(GradientMetaLearner.Variant variant,
                                                                      HeadInit head, int steps) {
        Task task = ClassificationTasks.task(42, WAYS, 2, 3);
        GradientMetaLearner learner = learner(variant, head, MamlConfig.Order.SECOND, steps, INNER_LR);
        StateDict init = learner.state().withPrefix("params.");
        assertThat(init.names()).as("the head is not a meta-parameter").noneMatch(n -> n.startsWith("head."));
        List<String> names = new ArrayList<>(init.names());
        List<INDArray> values = names.stream().map(init::get).toList();
        List<INDArray> analytic = names.stream().map(metaStep(learner, task)::get).toList();
        Function<List<INDArray>, Double> objective = vs -> postAdaptationLoss(learner.model(), names, vs, variant,
                head, task, steps, INNER_LR, null);
        GradCheck.matchesFiniteDifferences(objective, values, analytic, 1e-6);
    }

    @Test
    void firstOrderProtoMamlStillChainsTheMetaGradientThroughThePrototypes() {
        // with a vanishing inner step the first-order update is the exact gradient of the unadapted query loss,
        // whose prototype head depends on the backbone: a meta-gradient that stopped at the head would miss it
        double lr = 1e-9;
        Task task = ClassificationTasks.task(7, WAYS, 2, 3);
        GradientMetaLearner learner = learner(GradientMetaLearner.Variant.MAML, HeadInit.PROTOTYPES,
                MamlConfig.Order.FIRST, 1, lr);
        StateDict init = learner.state().withPrefix("params.");
        List<String> names = new ArrayList<>(init.names());
        List<INDArray> values = names.stream().map(init::get).toList();
        List<INDArray> analytic = names.stream().map(metaStep(learner, task)::get).toList();
        GradCheck.matchesFiniteDifferences(vs -> postAdaptationLoss(learner.model(), names, vs,
                GradientMetaLearner.Variant.MAML, HeadInit.PROTOTYPES, task, 1, lr, null), values, analytic, 1e-6);

        INDArray withoutChain = GradCheck.numericGradient(vs -> postAdaptationLoss(learner.model(), names, vs,
                GradientMetaLearner.Variant.MAML, HeadInit.PROTOTYPES, task, 1, lr, values), values, 0);
        assertThat(GradCheck.maxRelativeError(withoutChain, analytic.get(0)))
                .as("the prototype path carries a sizeable part of the meta-gradient").isGreaterThan(1e-3);
    }
}
