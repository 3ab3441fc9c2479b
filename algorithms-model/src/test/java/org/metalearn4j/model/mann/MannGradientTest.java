package org.metalearn4j.model.mann;

import static org.metalearn4j.model.ParamsCheck.values;
import static org.metalearn4j.model.ParamsCheck.withParams;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Four steps of a batch of two sequences through the MANN (memory writes, least-used zeroing, cosine reads with and
 * without key strength) and through the LSTM baseline, differentiated with respect to every parameter against float64
 * finite differences. The least-used choices are discrete constants, as in the paper.
 */
class MannGradientTest {

    @ParameterizedTest(name = "memory {0}, key strength {1}")
    @CsvSource({"LRU, true", "LRU, false", "NONE, false"})
    void sequenceLossGradientsMatchFiniteDifferences(MemoryKind memory, boolean keyStrength) {
        MannConfig config = new MannConfig(memory, 3, 4, 2, 2, 0.9, keyStrength, ScheduledAdamConfig.constant(1e-3));
        MemoryAugmentedNetwork model = new MemoryAugmentedNetwork(config, 3, 2);
        Params p = model.init(3, DataType.DOUBLE);
        Examples a = new Examples(GradCheck.random(1, 4, 3), Nd4j.createFromArray(0L, 1L, 1L, 0L));
        Examples b = new Examples(GradCheck.random(2, 4, 3), Nd4j.createFromArray(1L, 0L, 0L, 1L));
        EpisodeSequence seq = EpisodeSequence.of(List.of(a, b), new int[][] {{0, 1, 2, 3}, {3, 2, 0, 1}}, 3, 2,
                DataType.DOUBLE);
        GradCheck.firstOrder(withParams(p, q -> {
            MemoryAugmentedNetwork.State state = model.initial(2, DataType.DOUBLE);
            Tensor total = null;
            for (int t = 0; t < seq.steps(); t++) {
                MemoryAugmentedNetwork.Step step = model.step(q, state, Tensor.constant(seq.inputs().get(t)),
                        Tensor.constant(seq.previous().get(t)));
                Tensor loss = Losses.crossEntropy(step.logits(), seq.labels().get(t));
                total = total == null ? loss : total.add(loss);
                state = step.state();
            }
            return total;
        }), values(p), 1e-5);
    }
}
