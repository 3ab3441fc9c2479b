package org.metalearn4j.transfer.evaluate;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EmbeddingAdapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.transfer.model.Classifier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest class mean on a fixed backbone's features: logits are negative squared Euclidean distances to the support
 * means (a ProtoNet-style classifier with no training on the target). The backbone runs in evaluation mode, so an
 * evaluation may embed each example once ({@link EmbeddingAdapter}).
 */
final class PrototypeAdapter implements EmbeddingAdapter {
    private final Classifier model;

    PrototypeAdapter(Classifier model) {
        this.model = model;
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        Predictor onFeatures = onEmbeddings().adapt(new Examples(embed(support.x()), support.y()), type, ways);
        return x -> onFeatures.predict(embed(x));
    }

    @Override
    public INDArray embed(INDArray x) {
        return model.features(x);
    }

    @Override
    public Adapter onEmbeddings() {
        return (support, type, ways) -> {
            INDArray features = support.x();
            int[] labels = support.y().castTo(DataType.INT).reshape(-1).toIntVector();
            INDArray prototypes = Nd4j.zeros(features.dataType(), ways, features.columns());
            int[] counts = new int[ways];
            for (int i = 0; i < labels.length; i++) {
                prototypes.getRow(labels[i]).addi(features.getRow(i));
                counts[labels[i]]++;
            }
            for (int c = 0; c < ways; c++) {
                prototypes.getRow(c).divi(Math.max(1, counts[c]));
            }
            return f -> {
                // ||f - p||^2 = |f|^2 - 2 f.p + |p|^2
                INDArray cross = f.mmul(prototypes.transpose()).muli(-2);
                cross.addi(f.mul(f).sum(true, 1));
                cross.addi(prototypes.mul(prototypes).sum(true, 1).reshape(1, -1));
                return cross.negi();
            };
        };
    }
}
