package org.metalearn4j.transfer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.transfer.data.PixelFeatures;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Fixed features for closed-form learners (zero-shot, domain classifiers): the incoming BACKBONE's
 * (or MODEL's backbone)
 * evaluation-mode features, computed in chunks to bound memory, or pooled pixels when the pipeline has no backbone.
 */
public final class FeatureExtractor {
    private static final int CHUNK = 256;

    private FeatureExtractor() {
    }

    /** Describes where features come from, for provenance. */
    public static String describe(Artifact input, int pool) {
        return input.kind() == ArtifactKind.NONE ? "pixels, average-pooled by " + pool
                : "backbone " + input.provenance().detail("backbone") + " features";
    }

    /** A function from inputs {@code [n, ...]} to features {@code [n, d]}. */
    public static UnaryOperator<INDArray> of(Artifact input, long[] inputShape, int pool,
                                             ProviderRegistry registry) {
        if (input.kind() == ArtifactKind.NONE) {
            return x -> PixelFeatures.of(x, pool);
        }
        if (input.kind() != ArtifactKind.BACKBONE && input.kind() != ArtifactKind.MODEL) {
            throw new IllegalArgumentException("features need a BACKBONE or MODEL artifact, got " + input.kind());
        }
        Classifier model = new Classifier(BackboneProvenance.read(input.provenance().details()), inputShape, 1, 0,
                registry);
        model.loadBackbone(input.kind() == ArtifactKind.MODEL ? input.state().withPrefix(Classifier.BACKBONE)
                : input.state());
        return x -> {
            List<INDArray> parts = new ArrayList<>();
            for (long from = 0; from < x.size(0); from += CHUNK) {
                parts.add(model.features(x.get(NDArrayIndex.interval(from, Math.min(x.size(0), from + CHUNK)))));
            }
            return Nd4j.vstack(parts.toArray(new INDArray[0]));
        };
    }
}
