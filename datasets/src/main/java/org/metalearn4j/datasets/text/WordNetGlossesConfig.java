package org.metalearn4j.datasets.text;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Configuration of {@code wordnet-glosses}; {@code metalearn config --defaults wordnet-glosses} prints it. */
public record WordNetGlossesConfig(
        @JsonPropertyDescription("directory holding WordNet's data.noun (Debian package wordnet-base)") String path,
        @JsonPropertyDescription("a synset is a class when it has at least this many hyponym definitions")
        int minExamples,
        @JsonPropertyDescription("width of the hashed character n-gram vectors") int dimensions,
        @JsonPropertyDescription("shortest character n-gram") int minN,
        @JsonPropertyDescription("longest character n-gram") int maxN,
        @JsonPropertyDescription("fraction of the classes in meta-train") double trainFraction,
        @JsonPropertyDescription("fraction of the classes in meta-val; the rest is meta-test") double valFraction,
        @JsonPropertyDescription("seed of the random division of the classes into the three splits") long splitSeed) {
    public WordNetGlossesConfig {
        Checks.notBlank("path", path);
        Checks.atLeast("minExamples", minExamples, 2);
        Checks.atLeast("dimensions", dimensions, 1);
        Checks.atLeast("minN", minN, 1);
        Checks.atLeast("maxN", maxN, minN);
        Checks.between("trainFraction", trainFraction, 0, 1);
        Checks.between("valFraction", valFraction, 0, 1 - trainFraction);
    }
}
