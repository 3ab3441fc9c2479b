package org.metalearn4j.datasets.omniglot;

/**
 * Configuration of {@code omniglot} (the full set, Vinyals-style split).
 *
 * @param imageSize            side of the square images after area-average resizing from 105 pixels
 * @param cacheDir             cache directory; null or blank means {@code $METALEARN4J_DATA}, else
 *                             {@code ~/.cache/metalearn4j}. The zips are looked for in its {@code omniglot/} folder
 * @param download             download missing zips from the official repository (needs the two checksums)
 * @param backgroundSha256     SHA-256 of {@code images_background.zip} (or put it in
 *                             {@code images_background.zip.sha256})
 * @param evaluationSha256     SHA-256 of {@code images_evaluation.zip} (or put it in
 *                             {@code images_evaluation.zip.sha256})
 * @param trainCharacters      characters in {@code meta-train}, taken first in the standard 1623-character order
 * @param validationCharacters characters in {@code meta-val}, taken next; the rest form {@code meta-test}
 * @param rotateMetaTrain      make each 90-degree rotation of a meta-train character a class of its own
 * @param trainShift           largest random translation in pixels of each {@code meta-train} episode image, 0 for
 *                             none (as in {@link OmniglotSmallConfig#trainShift()}); other splits are never shifted
 * @param trainRotation        largest random rotation in degrees of each {@code meta-train} episode image, 0 for none
 *                             (as in {@link OmniglotSmallConfig#trainRotation()})
 * @param trainScale           largest random relative change of size of each {@code meta-train} episode image, 0 for
 *                             none (as in {@link OmniglotSmallConfig#trainScale()})
 */
public record OmniglotConfig(int imageSize, String cacheDir, boolean download, String backgroundSha256,
                             String evaluationSha256, int trainCharacters, int validationCharacters,
                             boolean rotateMetaTrain, int trainShift, double trainRotation,
                             double trainScale) {
}
