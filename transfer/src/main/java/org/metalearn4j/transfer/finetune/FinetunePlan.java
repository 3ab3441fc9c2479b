package org.metalearn4j.transfer.finetune;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.ParamGroup;
import org.metalearn4j.core.optim.provider.AdamProvider;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.transfer.model.Classifier;

/**
 * How to fine-tune a {@link Classifier}: which parameters train ({@code full}; {@code last-k}: the last {@code k}
 * backbone blocks and the head; {@code linear-probe}: the head only), learning rates per parameter-name prefix
 * (first matching prefix wins, others use {@code lr}), and the L2-SP strength toward the starting backbone.
 *
 * @param mode          which parameters train
 * @param k             backbone blocks trained in {@code last-k} mode
 * @param learningRates parameter-name prefix to learning rate, e.g. {@code {"backbone.0.": 1e-4, "head.": 1e-2}}
 * @param lr            learning rate of parameters no prefix matches
 * @param l2sp          L2-SP lambda on trainable backbone parameters (0 = off)
 */
public record FinetunePlan(FinetuneMode mode, int k, Map<String, Double> learningRates, double lr, double l2sp) {
    /** Checks each setting, naming it as the stage configs that hold a plan's settings name it. */
    public FinetunePlan {
        Checks.oneOf("mode", mode, FinetuneMode.class);
        Checks.atLeast("k", k, 0);
        learningRates = learningRates == null ? Map.of() : Map.copyOf(learningRates);
        learningRates.forEach((prefix, rate) -> {
            if (rate == null || !(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("learningRates: expected a finite rate >= 0 for prefix '" + prefix
                        + "', got " + rate);
            }
        });
        Checks.positive("lr", lr);
        Checks.nonNegative("l2sp", l2sp);
    }

    /** Parameters this plan freezes, plus {@code alreadyFrozen} (flags from the input artifact stay in force). */
    public Set<String> frozen(Classifier model, Set<String> alreadyFrozen) {
        Set<String> frozen = new LinkedHashSet<>(alreadyFrozen);
        List<String> blocks = model.backboneBlocks();
        int trainFrom = switch (mode) {
            case FULL -> 0;
            case LINEAR_PROBE -> blocks.size();
            case LAST_K -> Math.max(0, blocks.size() - k);
        };
        for (int b = 0; b < trainFrom; b++) {
            String prefix = Classifier.BACKBONE + blocks.get(b) + ".";
            model.params().names().stream().filter(n -> n.startsWith(prefix)).forEach(frozen::add);
        }
        return frozen;
    }

    /** Adam with the plan's {@link #setup}. */
    public Optimizer optimizer(Set<String> frozen) {
        AdamProvider adam = new AdamProvider();
        return adam.create(adam.defaults(), setup(frozen));
    }

    /**
     * What any optimizer is told: base rate {@code lr}, frozen parameters at learning rate 0 and the per-prefix
     * rates, longer prefixes matching first.
     */
    public OptimizerSetup setup(Set<String> frozen) {
        List<ParamGroup> groups = new ArrayList<>();
        frozen.forEach(name -> groups.add(ParamGroup.frozen(name)));
        learningRates.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()))
                .forEach(e -> groups.add(new ParamGroup(e.getKey(), e.getValue(), 0)));
        return new OptimizerSetup(lr, groups);
    }

    /** L2-SP toward {@code start}'s backbone values on trainable backbone parameters, or {@code null} when off. */
    public Function<Params, Tensor> regulariser(StateDict start, Set<String> frozen) {
        if (l2sp == 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        start.asMap().forEach((name, v) -> {
            if (name.startsWith(Classifier.BACKBONE) && !name.endsWith("running_mean")
                    && !name.endsWith("running_var")) {
                names.add(name);
                values.add(Tensor.constant(v));
            }
        });
        Params reference = Params.of(names, values);
        return p -> L2Sp.penalty(p, reference, l2sp, n -> !frozen.contains(n));
    }
}
