package org.metalearn4j.datasets.omniglot;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * Configuration of {@code omniglot} (the full set, Vinyals-style split); {@code metalearn config --defaults omniglot}
 * prints it with the descriptions. The augmentation settings mean what they mean for {@link OmniglotSmallConfig}.
 */
public record OmniglotConfig(
        @JsonPropertyDescription("side of the square images after area-average resizing from 105 pixels")
        int imageSize,
        @JsonPropertyDescription("cache directory whose omniglot/ folder holds the zips; null or blank means"
                + " $METALEARN4J_DATA, else ~/.cache/metalearn4j") String cacheDir,
        @JsonPropertyDescription("download missing zips from the official repository") boolean download,
        @JsonPropertyDescription("SHA-256 of images_background.zip (or put it in images_background.zip.sha256);"
                + " null to skip") String backgroundSha256,
        @JsonPropertyDescription("SHA-256 of images_evaluation.zip (or put it in images_evaluation.zip.sha256);"
                + " null to skip") String evaluationSha256,
        @JsonPropertyDescription("characters in meta-train, taken first in the standard 1623-character order")
        int trainCharacters,
        @JsonPropertyDescription("characters in meta-val, taken next; the rest form meta-test")
        int validationCharacters,
        @JsonPropertyDescription("make each 90-degree rotation of a meta-train character a class of its own")
        boolean rotateMetaTrain,
        @JsonPropertyDescription("largest random translation in pixels of each meta-train episode image; 0 for none")
        int trainShift,
        @JsonPropertyDescription("largest random rotation in degrees of each meta-train episode image; 0 for none")
        double trainRotation,
        @JsonPropertyDescription("largest random relative change of size of each meta-train episode image, below 1;"
                + " 0 for none") double trainScale,
        @JsonPropertyDescription("largest random change of stroke thickness of each meta-train episode image, in"
                + " [0, 1]; 0 for none") double trainThickness,
        @JsonPropertyDescription("elastic distortion of each meta-train episode image: scale alpha in pixels of its"
                + " smoothed random displacement field; 0 for none") double trainElastic,
        @JsonPropertyDescription("standard deviation in pixels of the Gaussian smoothing the elastic displacement"
                + " field") double trainElasticSigma) {
    public OmniglotConfig {
        Checks.between("imageSize", imageSize, 1, 105);
        Checks.atLeast("trainCharacters", trainCharacters, 1);
        Checks.atLeast("validationCharacters", validationCharacters, 0);
        new MetaTrainAugmentation(trainShift, trainRotation, trainScale, trainThickness, trainElastic,
                trainElasticSigma).check(imageSize);
    }

    /** The meta-train augmentation these settings describe. */
    MetaTrainAugmentation augmentation() {
        return new MetaTrainAugmentation(trainShift, trainRotation, trainScale, trainThickness, trainElastic,
                trainElasticSigma);
    }
}
