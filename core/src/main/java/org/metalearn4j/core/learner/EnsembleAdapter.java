package org.metalearn4j.core.learner;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ensemble of adapters (for example several training runs' checkpoints): each member adapts to the support set on
 * its own, and the ensemble's prediction is the mean of the members' class probabilities, returned as their logarithm
 * so that it is a valid logit array with the same argmax (for regression, the mean of the outputs).
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

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        List<Predictor> predictors = new ArrayList<>(members.size());
        for (Adapter member : members) {
            predictors.add(member.adapt(support, type, ways));
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
