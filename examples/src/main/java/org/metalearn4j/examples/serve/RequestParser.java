package org.metalearn4j.examples.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.task.TaskType;

/**
 * Reads a {@code POST /predict} body into a {@link PredictRequest}, checking it against the model and the limits; a
 * fault is a {@link BadRequest} naming the field. The body is one JSON object:
 *
 * <pre>
 * classification: {"support": [{"label": "alpha", "image": BASE64} or {"label": "alpha", "values": [..]}, ...],
 *                  "query": [{"image": BASE64} or {"values": [..]}, ...]}
 * regression:     {"support": [{"values": [..], "target": [..] or a number}, ...], "query": [{"values": [..]}, ...]}
 * </pre>
 */
final class RequestParser {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final Set<String> TOP = Set.of("support", "query");

    private final ModelDescription model;
    private final ServeLimits limits;
    private final ExampleDecoder decoder;

    RequestParser(ModelDescription model, ServeLimits limits) {
        this.model = model;
        this.limits = limits;
        this.decoder = new ExampleDecoder(model, limits.maxImagePixels());
    }

    /** The request in {@code body}. */
    PredictRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            // Jackson names its (redacted) source inside nested locations: only the line and column help here
            String reason = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
            throw BadRequest.invalid("body", "not valid JSON (" + reason
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        } catch (IOException e) {
            throw BadRequest.invalid("body", "unreadable (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw BadRequest.invalid("body", "empty; expected a JSON object with 'support' and 'query'");
        }
        if (!root.isObject()) {
            throw BadRequest.invalid("body", "expected a JSON object with 'support' and 'query', got " + kind(root));
        }
        onlyFields(root, "body", TOP);
        JsonNode support = list(root, "support", limits.maxSupport(), "--max-support");
        JsonNode query = list(root, "query", limits.maxQuery(), "--max-query");
        return model.type() == TaskType.REGRESSION ? regression(support, query) : classification(support, query);
    }

    private PredictRequest classification(JsonNode support, JsonNode query) {
        Map<String, List<float[]>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < support.size(); i++) {
            String path = "support[" + i + "]";
            JsonNode item = item(support.get(i), path, Set.of("label", "image", "values"));
            JsonNode label = item.get("label");
            if (label == null) {
                throw BadRequest.invalid(path + ".label", "missing; every support example of a classification"
                        + " model needs its label (a string)");
            }
            if (!label.isTextual() || label.asText().isEmpty()) {
                throw BadRequest.invalid(path + ".label", "expected a non-empty string (the class name), got "
                        + kind(label));
            }
            byLabel.computeIfAbsent(label.asText(), k -> new ArrayList<>()).add(decoder.input(item, path));
        }
        if (byLabel.size() < 2) {
            throw BadRequest.invalid("support", "a classification support set needs examples of at least two labels,"
                    + " got " + byLabel.keySet());
        }
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < query.size(); i++) {
            String path = "query[" + i + "]";
            queries.add(decoder.input(item(query.get(i), path, Set.of("image", "values")), path));
        }
        return new PredictRequest.Classify(byLabel, queries);
    }

    private PredictRequest regression(JsonNode support, JsonNode query) {
        double[][] x = new double[support.size()][];
        double[][] y = new double[support.size()][];
        for (int i = 0; i < support.size(); i++) {
            String path = "support[" + i + "]";
            if (support.get(i).has("label")) {
                throw BadRequest.invalid(path + ".label", "this is a regression model: give 'target' instead");
            }
            JsonNode item = item(support.get(i), path, Set.of("target", "image", "values"));
            x[i] = doubles(decoder.input(item, path));
            y[i] = target(item.get("target"), path + ".target");
        }
        double[][] q = new double[query.size()][];
        for (int i = 0; i < query.size(); i++) {
            String path = "query[" + i + "]";
            q[i] = doubles(decoder.input(item(query.get(i), path, Set.of("image", "values")), path));
        }
        return new PredictRequest.Regress(x, y, q);
    }

    private double[] target(JsonNode target, String path) {
        String expected = model.outputs() == 1 ? "a number or an array of 1 number"
                : "an array of " + model.outputs() + " numbers";
        if (target == null) {
            throw BadRequest.invalid(path, "missing; every support example of a regression model needs its target ("
                    + expected + ")");
        }
        if (target.isNumber() && model.outputs() == 1) {
            return new double[] {target.doubleValue()};
        }
        if (!target.isArray() || target.size() != model.outputs()) {
            throw BadRequest.invalid(path, "expected " + expected + ", got " + kind(target));
        }
        double[] out = new double[target.size()];
        for (int i = 0; i < out.length; i++) {
            if (!target.get(i).isNumber()) {
                throw BadRequest.invalid(path + "[" + i + "]", "expected a number, got " + kind(target.get(i)));
            }
            out[i] = target.get(i).doubleValue();
        }
        return out;
    }

    private static JsonNode list(JsonNode root, String name, int max, String option) {
        JsonNode list = root.get(name);
        if (list == null) {
            throw BadRequest.invalid(name, "missing; expected an array of examples");
        }
        if (!list.isArray()) {
            throw BadRequest.invalid(name, "expected an array of examples, got " + kind(list));
        }
        if (list.isEmpty()) {
            throw BadRequest.invalid(name, "empty; expected at least one example");
        }
        if (list.size() > max) {
            throw new BadRequest(BadRequest.TOO_LARGE, name, list.size() + " examples, at most " + max
                    + " are accepted (" + option + ")");
        }
        return list;
    }

    private static JsonNode item(JsonNode item, String path, Set<String> fields) {
        if (!item.isObject()) {
            throw BadRequest.invalid(path, "expected an object with " + fields + ", got " + kind(item));
        }
        onlyFields(item, path, fields);
        return item;
    }

    /** Rejects a field the server would otherwise ignore, e.g. a misspelt one. */
    private static void onlyFields(JsonNode object, String path, Set<String> fields) {
        object.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw BadRequest.invalid(path + "." + name, "unknown field; expected one of "
                        + fields.stream().sorted().toList());
            }
        });
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** What a JSON value is, with a short excerpt, for messages. */
    static String kind(JsonNode node) {
        String text = node.toString();
        String excerpt = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + excerpt;
    }
}
