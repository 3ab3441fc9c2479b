package org.metalearn4j.core.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ensemble of adapters (for example several training runs' checkpoints): each member adapts to the support set on
 * its own, and the ensemble's prediction is the mean of the members' class probabilities, returned as their logarithm
 * so that it is a valid logit array with the same argmax (for regression, the mean of the outputs). When every member
 * predicts a Gaussian ({@link ProbabilisticPredictor}), the ensemble does too: the equal-weight mixture of the
 * members' Gaussians, matched in mean and variance, so that its log-likelihood can still be scored.
 */
public final class EnsembleAdapter implements Adapter {
    private final List<Adapter> members;

    /** @param members at least one adapter; with one the ensemble predicts exactly what it does, as probabilities */
    public EnsembleAdapter(List<Adapter> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("ensemble: needs at least one member");
        }
        this.members = List.copyOf(members);
    }

    /**
     * The ensemble of {@code members} as an evaluation wants it: a single member as it is (its own logits, not their
     * probabilities); an ensemble that also embeds ({@link EmbeddingAdapter}) when every member does, so that an
     * evaluation embeds each example once for all of them; otherwise an {@code EnsembleAdapter}. All three predict the
     * same classes.
     */
    public static Adapter of(List<? extends Adapter> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        if (!members.isEmpty() && members.stream().allMatch(m -> m instanceof EmbeddingAdapter)) {
            return new EmbeddingEnsemble(members.stream().map(m -> (EmbeddingAdapter) m).toList());
        }
        return new EnsembleAdapter(List.copyOf(members));
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        return adapt(support, type, ways, Optional.empty());
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> descriptor) {
        List<Predictor> predictors = new ArrayList<>(members.size());
        for (Adapter member : members) {
            predictors.add(member.adapt(support, type, ways, descriptor));
        }
        if (predictors.stream().allMatch(p -> p instanceof ProbabilisticPredictor)) {
            return (ProbabilisticPredictor) x -> Prediction.mixture(predictors.stream()
                    .map(p -> ((ProbabilisticPredictor) p).distribution(x)).toList());
        }
        return x -> {
            List<INDArray> outputs = new ArrayList<>(predictors.size());
            for (Predictor p : predictors) {
                outputs.add(p.predict(x));
            }
            return MeanPrediction.of(outputs, type);
        };
    }
}
