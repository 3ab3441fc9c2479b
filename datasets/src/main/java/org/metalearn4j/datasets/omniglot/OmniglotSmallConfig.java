package org.metalearn4j.datasets.omniglot;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.generate.GeneratedSupportConfig;

/**
 * Configuration of {@code omniglot-small}; {@code metalearn config --defaults omniglot-small} prints it with the
 * descriptions. Evaluation splits are never augmented.
 */
public record OmniglotSmallConfig(
        @JsonPropertyDescription("side of the square images after area-average resizing from 105 pixels")
        int imageSize,
        @JsonPropertyDescription("largest random translation in pixels of each meta-train episode image (a fresh"
                + " offset per image and episode); 0 for none") int trainShift,
        @JsonPropertyDescription("largest random rotation in degrees either way of each meta-train episode image;"
                + " 0 for none") double trainRotation,
        @JsonPropertyDescription("largest random relative change of size of each meta-train episode image, below 1"
                + " (0.1: factors 0.9-1.1); 0 for none") double trainScale,
        @JsonPropertyDescription("largest random change of stroke thickness of each meta-train episode image, in"
                + " [0, 1]: the image moves up to this fraction of the way towards its 3x3 dilation (thicker) or"
                + " erosion (thinner); 0 for none") double trainThickness,
        @JsonPropertyDescription("elastic distortion of each meta-train episode image (Simard et al. 2003): scale"
                + " alpha in pixels of its own smoothed random displacement field (34 with sigma 4 moves pixels by"
                + " about 1.4 pixels); 0 for none") double trainElastic,
        @JsonPropertyDescription("smoothness of the elastic displacement field: standard deviation in pixels of the"
                + " Gaussian it is smoothed with") double trainElasticSigma,
        @JsonPropertyDescription("small1 alphabets moved out of meta-train into a meta-val split (upright characters"
                + " only), for choosing settings without looking at meta-test; empty for no meta-val split")
        List<String> validationAlphabets,
        @JsonPropertyDescription("generated examples added to every support set by a trained few-shot generator (set"
                + " run to switch them on); applied after the meta-train augmentation")
        GeneratedSupportConfig generated) {
    /** Simard et al.'s smoothness of the elastic displacement field for 28x28 images. */
    static final double DEFAULT_ELASTIC_SIGMA = 4;

    /** Checks the ranges, naming the field; copies the alphabet list, null meaning none; no generator when null. */
    public OmniglotSmallConfig {
        Checks.between("imageSize", imageSize, 1, 105);
        new MetaTrainAugmentation(trainShift, trainRotation, trainScale, trainThickness, trainElastic,
                trainElasticSigma).check(imageSize);
        validationAlphabets = validationAlphabets == null ? List.of() : List.copyOf(validationAlphabets);
        generated = generated == null ? GeneratedSupportConfig.off() : generated;
    }

    /** These settings without generated support examples. */
    public OmniglotSmallConfig(int imageSize, int trainShift, double trainRotation, double trainScale,
                               double trainThickness, double trainElastic, double trainElasticSigma,
                               List<String> validationAlphabets) {
        this(imageSize, trainShift, trainRotation, trainScale, trainThickness, trainElastic, trainElasticSigma,
                validationAlphabets, GeneratedSupportConfig.off());
    }

    /**
     * Images of {@code imageSize} pixels shifted by up to {@code trainShift}, without other augmentation or a
     * validation split.
     */
    public OmniglotSmallConfig(int imageSize, int trainShift) {
        this(imageSize, trainShift, 0, 0, 0, 0, DEFAULT_ELASTIC_SIGMA, List.of());
    }

    /** The meta-train augmentation these settings describe. */
    MetaTrainAugmentation augmentation() {
        return new MetaTrainAugmentation(trainShift, trainRotation, trainScale, trainThickness, trainElastic,
                trainElasticSigma);
    }
}
