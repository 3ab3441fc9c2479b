package org.metalearn4j.examples.serve;

import org.metalearn4j.core.spi.ConfigException;

/**
 * What one prediction request may hold, so that a client cannot make the server read or decode without bound.
 *
 * @param maxBodyBytes   the largest request body, in bytes (larger: 413)
 * @param maxSupport     the most support examples in one request (more: 413)
 * @param maxQuery       the most query examples in one request (more: 413)
 * @param maxImagePixels the most pixels of one decoded image, checked before it is decoded (a small PNG can declare
 *                       a huge picture; more: 413)
 */
public record ServeLimits(long maxBodyBytes, int maxSupport, int maxQuery, long maxImagePixels) {
    /** The default {@link #maxBodyBytes()}: 8 MiB. */
    public static final long MAX_BODY_BYTES = 8L << 20;
    /** The default {@link #maxSupport()}. */
    public static final int MAX_SUPPORT = 500;
    /** The default {@link #maxQuery()}. */
    public static final int MAX_QUERY = 500;
    /** The default {@link #maxImagePixels()}: 4096 x 4096. */
    public static final long MAX_IMAGE_PIXELS = 4096L * 4096;

    public ServeLimits {
        if (maxBodyBytes < 1 || maxSupport < 1 || maxQuery < 1 || maxImagePixels < 1) {
            throw new ConfigException("limits", "every limit must be at least 1, got body " + maxBodyBytes
                    + " bytes, " + maxSupport + " support, " + maxQuery + " query, " + maxImagePixels + " pixels");
        }
    }
}
