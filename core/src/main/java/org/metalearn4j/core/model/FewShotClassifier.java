package org.metalearn4j.core.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.tensor.Softmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link FewShotModel} adapted to one support set: predicts one of its labels, with probabilities, for new
 * examples. Immutable; predictions may run on several threads at once.
 */
public final class FewShotClassifier {
    private final FewShotModel model;
    private final List<String> labels;
    private final Predictor predictor;

    FewShotClassifier(FewShotModel model, List<String> labels, Predictor predictor) {
        this.model = model;
        this.labels = labels;
        this.predictor = predictor;
    }

    /** The support set's labels, in the order probabilities list them. */
    public List<String> labels() {
        return labels;
    }

    /** Predicts an image file, prepared as the training images were. */
    public Prediction predict(Path image) {
        return predictArrays(List.of(model.image(image))).get(0);
    }

    /** Predicts an image, prepared as the training images were. */
    public Prediction predict(BufferedImage image) {
        return predictArrays(List.of(model.image(image))).get(0);
    }

    /** Predicts an example given as values ({@link ModelDescription#exampleSize()} of them, row-major). */
    public Prediction predict(float[] example) {
        return predictArrays(List.of(example)).get(0);
    }

    /** Predicts image files in one batch. */
    public List<Prediction> predictFiles(List<Path> images) {
        return predictArrays(images.stream().map(model::image).toList());
    }

    /** Predicts examples given as values in one batch. */
    public List<Prediction> predictArrays(List<float[]> examples) {
        if (examples.isEmpty()) {
            return List.of();
        }
        INDArray p = Softmax.probabilities(predictor.predict(model.batch(examples)).castTo(DataType.DOUBLE), 1);
        List<Prediction> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            double[] row = p.getRow(i).toDoubleVector();
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                best = row[c] > row[best] ? c : best;
            }
            out.add(new Prediction(labels.get(best), FewShotModel.probabilities(labels, row)));
        }
        return out;
    }
}
