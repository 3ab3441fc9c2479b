package org.metalearn4j.datasets.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Configuration of {@code image-completion}; {@code metalearn config --defaults image-completion} prints it. */
public record ImageCompletionConfig(
        @JsonPropertyDescription("where the images come from: fashion-mnist (meta-train: its training images,"
                + " meta-test: its test images) or omniglot-small (its meta-train and meta-test characters)")
        Source source,
        @JsonPropertyDescription("directory of the Fashion-MNIST IDX files (source fashion-mnist)") String path,
        @JsonPropertyDescription("side of the square Omniglot images (source omniglot-small; Fashion-MNIST images"
                + " are 28)") int imageSize,
        @JsonPropertyDescription("0: every task has the episode's shot context pixels; n > 0: each task splits its"
                + " shot + query pixels at a context size drawn uniformly from n to shot") int minContext) {

    /** The images' data set. */
    public enum Source {
        @JsonProperty("fashion-mnist") FASHION_MNIST,
        @JsonProperty("omniglot-small") OMNIGLOT_SMALL
    }

    public ImageCompletionConfig {
        Checks.oneOf("source", source, Source.class);
        Checks.notBlank("path", path);
        Checks.between("imageSize", imageSize, 2, 105);
        if (source == Source.FASHION_MNIST && imageSize != 28) {
            throw new IllegalArgumentException("imageSize: Fashion-MNIST images are 28x28, got " + imageSize);
        }
        Checks.atLeast("minContext", minContext, 0);
    }
}
