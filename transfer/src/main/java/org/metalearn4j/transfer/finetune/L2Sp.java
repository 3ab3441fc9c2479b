package org.metalearn4j.transfer.finetune;

import java.util.function.Predicate;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The L2-SP regulariser (Li, Grandvalet and Davoine, ICML 2018): {@code lambda * sum ||theta - theta0||^2} over the
 * pretrained parameters, pulling fine-tuned weights toward the starting point rather than toward zero as plain weight
 * decay does. New parameters (a fresh head) have no starting point and are not penalised.
 */
public final class L2Sp {
    private L2Sp() {
    }

    /**
     * @param current   the parameters being trained
     * @param reference the pretrained values {@code theta0} (constants)
     * @param lambda    strength, {@code >= 0}
     * @param include   which parameter names of {@code current} are penalised (all that exist in {@code reference})
     * @return a scalar tensor; 0 when no parameter is included
     */
    public static Tensor penalty(Params current, Params reference, double lambda, Predicate<String> include) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("L2-SP lambda must be >= 0, got " + lambda);
        }
        Tensor total = null;
        for (String name : current.names()) {
            if (!include.test(name) || !reference.contains(name)) {
                continue;
            }
            Tensor diff = current.get(name).sub(Tensor.constant(reference.get(name).value()));
            Tensor term = diff.square().sum();
            total = total == null ? term : total.add(term);
        }
        return total == null ? Tensor.scalar(0.0, current.tensors().get(0).dataType()) : total.mul(lambda);
    }
}
