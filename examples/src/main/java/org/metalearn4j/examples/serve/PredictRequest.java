package org.metalearn4j.examples.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.model.FewShotModel;
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
     * A regression request: support inputs {@code x} with their targets {@code y}, and query inputs.
     */
    record Regress(double[][] x, double[][] y, double[][] query) implements PredictRequest {
        @Override
        public ObjectNode answer(FewShotModel model) {
            double[][] means = model.adaptToPoints(x, y).predict(query);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            var list = out.putArray("predictions");
            for (double[] mean : means) {
                var values = list.addObject().putArray("mean");
                for (double v : mean) {
                    values.add(v);
                }
            }
            return out;
        }
    }
}
