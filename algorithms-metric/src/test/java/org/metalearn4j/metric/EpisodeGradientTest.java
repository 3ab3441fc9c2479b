package org.metalearn4j.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Activation;
import org.metalearn4j.core.nn.Conv4;
import org.metalearn4j.core.nn.Flatten;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.nn.metric.MetricHead;
import org.metalearn4j.core.nn.metric.MetricModel;
import org.metalearn4j.core.nn.metric.PrototypeHead;
import org.metalearn4j.core.nn.metric.RelationHead;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.metric.head.MatchingHead;
import org.metalearn4j.metric.head.SiameseHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The episode loss of every head, through a backbone, against float64 central finite differences. Each check covers
 * the head's parameters and one backbone layer (the gradient reaching the first layer has passed through the whole
 * network); the rest are held fixed so the suite stays fast.
 */
class EpisodeGradientTest {
    private static final Module TANH_MLP = Sequential.of(new Flatten(), Mlp.of(Activation::tanh, 6, 5, 4));
    private static final String FIRST_WEIGHT = "backbone.1.0.weight";
    private static final Predicate<String> FIRST_LAYER = n -> n.equals(FIRST_WEIGHT) || n.startsWith("head.");
    private static final Task BLOBS = SyntheticEpisodes.blobs(3, 2, 2, 6, 3, 1.0, DataType.DOUBLE).sample(11);

    @Test
    void protoNetEuclidean() {
        check(TANH_MLP, new PrototypeHead(Distance.SQUARED_EUCLIDEAN, 1), BLOBS, FIRST_LAYER);
    }

    @Test
    void protoNetCosine() {
        check(TANH_MLP, new PrototypeHead(Distance.COSINE, 5), BLOBS, FIRST_LAYER);
    }

    @Test
    void matchingNet() {
        check(TANH_MLP, new MatchingHead(4, 5, false, 1), BLOBS, FIRST_LAYER);
    }

    @Test
    void matchingNetWithFullContextEmbeddings() {
        Task small = SyntheticEpisodes.blobs(2, 1, 1, 6, 3, 1.0, DataType.DOUBLE).sample(12);
        check(TANH_MLP, new MatchingHead(4, 5, true, 2), small, n -> n.equals("head.forward.bias_ih")
                || n.equals("head.backward.bias_hh") || n.equals("head.attention.bias_ih"));
    }

    @Test
    void relationNet() {
        check(TANH_MLP, new RelationHead(4, 3), BLOBS, FIRST_LAYER);
    }

    @Test
    void siamese() {
        check(TANH_MLP, new SiameseHead(4), BLOBS, FIRST_LAYER);
    }

    @Test
    void protoNetThroughConv4WithBatchNorm() {
        Task glyphs = SyntheticEpisodes.glyphs(2, 2, 1, 0.1, DataType.DOUBLE).sample(5);
        check(new Conv4(1, 2), new PrototypeHead(Distance.SQUARED_EUCLIDEAN, 1), glyphs,
                n -> n.equals("backbone.0.conv.weight") || n.startsWith("backbone.3.bn."));
    }

    private static void check(Module backbone, MetricHead head, Task task, Predicate<String> checked) {
        MetricModel model = new MetricModel(backbone, head);
        Params initial = model.init(3, DataType.DOUBLE, Optional.empty());
        List<String> names = initial.names();
        List<String> varied = names.stream().filter(checked).toList();
        assertThat(varied).as("parameters under check").isNotEmpty();
        Function<List<Tensor>, Tensor> loss = xs -> {
            List<Tensor> all = new ArrayList<>(initial.tensors());
            for (int i = 0; i < varied.size(); i++) {
                all.set(names.indexOf(varied.get(i)), xs.get(i));
            }
            return model.episode(Params.of(names, all), task, ForwardContext.training(1)).loss();
        };
        List<INDArray> values = varied.stream().map(n -> initial.get(n).value()).toList();
        GradCheck.firstOrder(loss, values, 1e-5);
    }
}
