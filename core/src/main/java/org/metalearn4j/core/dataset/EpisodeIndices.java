package org.metalearn4j.core.dataset;

/**
 * Which stored examples make up one episode of an {@link EpisodeSampler}: row {@code r} of the support set is example
 * {@code supportIndex[r]} of class {@code supportClass[r]} of the sampler's {@link ClassStore}, and likewise for the
 * queries. Rows are grouped by label as the sampler lays them out, so the labels follow from the row alone.
 *
 * <p>An evaluation that embeds every stored example once draws its episodes as indices and gathers the embeddings
 * instead of the pixels. The arrays are owned by this record's creator and never written after it is made.
 */
public record EpisodeIndices(int[] supportClass, int[] supportIndex, int[] queryClass, int[] queryIndex) {
    public EpisodeIndices {
        if (supportClass.length != supportIndex.length || queryClass.length != queryIndex.length) {
            throw new IllegalArgumentException("episode indices: " + supportClass.length + " support classes for "
                    + supportIndex.length + " support indices, " + queryClass.length + " query classes for "
                    + queryIndex.length + " query indices");
        }
    }
}
