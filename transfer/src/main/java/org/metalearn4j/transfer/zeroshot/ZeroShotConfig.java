package org.metalearn4j.transfer.zeroshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.transfer.pipeline.FileReferences;
import org.metalearn4j.transfer.pipeline.ProviderReferences;

/** Settings of the {@code zeroshot} stage; {@code metalearn config --defaults zeroshot} prints them. */
public record ZeroShotConfig(
        @JsonPropertyDescription("eszsl (embarrassingly simple zero-shot learning) or dap (direct attribute"
                + " prediction)") Method method,
        @JsonPropertyDescription("attribute table: a JSON file of class descriptors, or fashion-mnist for the built-in"
                + " one") String attributes,
        @JsonPropertyDescription("data set name, with labelled splits") String dataset,
        @JsonPropertyDescription("split whose seen-class examples train the model") String trainSplit,
        @JsonPropertyDescription("split whose unseen-class examples are classified") String testSplit,
        @JsonPropertyDescription("class indices (at least 2) held out of training and classified at test time")
        List<Integer> unseen,
        @JsonPropertyDescription("cap on training examples per seen class (0 = all), a seeded random choice")
        int maxPerClass,
        @JsonPropertyDescription("average pooling of raw images before flattening when no backbone is given (1 ="
                + " none)") int pool,
        @JsonPropertyDescription("ESZSL feature-side regularisation") double gamma,
        @JsonPropertyDescription("ESZSL attribute-side regularisation") double lambda,
        @JsonPropertyDescription("DAP per-attribute logistic regression weight penalty") double l2)
        implements FileReferences, ProviderReferences {

    /** The zero-shot model fitted on the seen classes. */
    public enum Method {
        /** Romera-Paredes and Torr (2015), closed form. */
        @JsonProperty("eszsl") ESZSL,
        /** Lampert et al. (2009), one logistic regression per attribute. */
        @JsonProperty("dap") DAP
    }

    public ZeroShotConfig {
        Checks.oneOf("method", method, Method.class);
        Checks.notBlank("attributes", attributes);
        Checks.notBlank("dataset", dataset);
        Checks.notBlank("trainSplit", trainSplit);
        Checks.notBlank("testSplit", testSplit);
        unseen = List.copyOf(Checks.atLeastItems("unseen", unseen, 2));
        Checks.atLeast("maxPerClass", maxPerClass, 0);
        Checks.atLeast("pool", pool, 1);
        Checks.positive("gamma", gamma);
        Checks.positive("lambda", lambda);
        Checks.positive("l2", l2);
    }

    @Override
    public Map<String, Path> referencedFiles() {
        return ClassAttributes.FASHION_MNIST.equals(attributes) ? Map.of() : Map.of("attributes", Path.of(attributes));
    }

    @Override
    public Map<String, String> datasets() {
        return Map.of("dataset", dataset);
    }
}
