package org.metalearn4j.examples.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.train.EvalResult;

/** The JSON the model benchmarks print: rounded numbers, evaluation results with their CIs. */
final class Json {
    private Json() {
    }

    static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }

    /** The main metric and every secondary one, each with its 95% CI, and the episode count. */
    static Map<String, Object> of(EvalResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(r.metric(), round(r.value()));
        out.put(r.metric() + "Ci95", round(r.ci95()));
        r.secondary().forEach((name, e) -> {
            out.put(name, round(e.value()));
            out.put(name + "Ci95", round(e.ci95()));
        });
        out.put("episodes", r.episodes());
        return out;
    }

    static void print(Map<String, Object> out) {
        out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
        try {
            System.out.println(ConfigMappers.json().writeValueAsString(out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
