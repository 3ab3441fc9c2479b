package org.metalearn4j.transfer.multitask;

import java.util.List;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Homoscedastic uncertainty weighting of task losses (Kendall, Gal and Cipolla, CVPR 2018):
 * {@code sum_i exp(-s_i) L_i + s_i} with learned {@code s_i = log sigma_i^2}. A task whose loss stays high (a noisier
 * task) drives its {@code s_i} up (the optimum for fixed {@code L_i} is {@code s_i = log L_i}) and so gets less weight.
 */
public final class UncertaintyWeighting {
    private UncertaintyWeighting() {
    }

    /**
     * @param losses   scalar loss per task
     * @param logVars  scalar {@code s_i} per task (leaf variables trained with the model)
     * @return the combined scalar loss
     */
    public static Tensor combine(List<Tensor> losses, List<Tensor> logVars) {
        if (losses.isEmpty() || losses.size() != logVars.size()) {
            throw new IllegalArgumentException("uncertainty weighting needs one log-variance per task, got "
                    + losses.size() + " losses and " + logVars.size() + " log-variances");
        }
        Tensor total = null;
        for (int i = 0; i < losses.size(); i++) {
            Tensor s = logVars.get(i);
            Tensor term = s.neg().exp().mul(losses.get(i)).add(s);
            total = total == null ? term : total.add(term);
        }
        return total;
    }
}
