package org.metalearn4j.core.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A meta-learned linear classifier head of {@code train.way} class rows ({@code <head>.weight [ways, width]},
 * {@code <head>.bias [ways]}) met by an episode of another number of classes. Class slots are arbitrary labels, so
 * what the learned rows know about an unseen class is their class-independent part: every class of the episode starts
 * at the mean learned row and the mean learned bias (Ye and Chao 2022 start every class from one shared vector for the
 * same reason). Learned per-class step sizes are shared the same way. At the trained width nothing changes: the
 * weights come back as they are.
 */
public final class LearnedHead {
    private LearnedHead() {
    }

    /**
     * {@code weights} with the head under {@code head} sized to {@code ways} classes: the same object when the task is
     * not classification or the head already has {@code ways} rows, otherwise every other entry as it is (same order)
     * and the head's weight and bias replaced by fresh variables holding the mean learned row and bias in every row.
     *
     * @param head the head's scope, {@code "head"} for a {@link BackboneHeadModel}
     */
    public static Params forWays(Params weights, String head, TaskType type, int ways) {
        String weight = head + ".weight";
        String bias = head + ".bias";
        INDArray w = weights.get(weight).value();
        if (type != TaskType.CLASSIFICATION || w.size(0) == ways) {
            return weights;
        }
        DataType dataType = w.dataType();
        Map<String, Tensor> resized = new LinkedHashMap<>();
        for (String name : weights.names()) {
            resized.put(name, weights.get(name));
        }
        resized.put(weight, Tensor.variable(w.mean(true, 0).repeat(0, ways)));
        resized.put(bias, Tensor.variable(Nd4j.valueArrayOf(new long[] {ways},
                weights.get(bias).value().meanNumber().doubleValue(), dataType)));
        return Params.of(resized);
    }

    /**
     * Learned per-parameter step sizes (named like the weights) for an episode of {@code ways} classes: per-class rates
     * of the head under {@code head} are averaged over their rows when a classification episode has another number of
     * classes; single-row head rates (one row already shared by every class) and every other rate stay as they are.
     */
    public static Params rates(Params rates, String head, TaskType type, int ways) {
        String weight = head + ".weight";
        if (type != TaskType.CLASSIFICATION || !rates.contains(weight) || rates.get(weight).shape()[0] == ways || rates.get(weight).shape()[0] == 1) {
            return rates;
        }
        String prefix = head + ".";
        Map<String, Tensor> shared = new LinkedHashMap<>();
        for (String name : rates.names()) {
            Tensor r = rates.get(name);
            shared.put(name, name.startsWith(prefix) ? Tensor.constant(r.value().mean(true, 0)) : r);
        }
        return Params.of(shared);
    }
}
