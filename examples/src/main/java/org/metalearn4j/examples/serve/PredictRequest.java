package org.metalearn4j.examples.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.model.FewShotModel;
import org.metalearn4j.core.model.FewShotRegressor;
import org.metalearn4j.core.model.Prediction;

/** A parsed, checked {@code POST /predict} body, and how the model answers it. */
sealed interface PredictRequest {

    /** The answer's JSON: adapts {@code model} to the support set and predicts the queries, in their order. */
    ObjectNode answer(FewShotModel model);

    /**
     * A classification request.
     *
     * @param support each label with its examples, in the order the labels first appeared
     * @param query   the examples to classify
     */
    record Classify(Map<String, List<float[]>> support, List<float[]> query) implements PredictRequest {
        @Override
        public ObjectNode answer(FewShotModel model) {
            List<Prediction> predictions = model.adaptToArrays(support).predictArrays(query);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            support.keySet().forEach(out.putArray("labels")::add);
            var list = out.putArray("predictions");
            for (Prediction p : predictions) {
                ObjectNode item = list.addObject().put("label", p.label()).put("probability", p.probability());
                ObjectNode probabilities = item.putObject("probabilities");
                p.probabilities().forEach(probabilities::put);
            }
            return out;
        }
    }

    /**
     * A regression request: support inputs {@code x} with their targets {@code y}, and query inputs; answered with
     * the mean and, where the learner estimates it, the standard deviation of every query point.
     */
    record Regress(double[][] x, double[][] y, double[][] query) implements PredictRequest {
        @Override
        public ObjectNode answer(FewShotModel model) {
            FewShotRegressor regressor = model.adaptToPoints(x, y);
            double[][] means = regressor.predict(query);
            double[][] std = regressor.hasUncertainty() ? regressor.std(query) : null;
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            var list = out.putArray("predictions");
            for (int i = 0; i < means.length; i++) {
                ObjectNode item = list.addObject();
                put(item, "mean", means[i]);
                if (std != null) {
                    put(item, "std", std[i]);
                }
            }
            return out;
        }

        private static void put(ObjectNode item, String field, double[] values) {
            var array = item.putArray(field);
            for (double v : values) {
                array.add(v);
            }
        }
    }
}
