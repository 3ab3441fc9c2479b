package org.metalearn4j.datasets.fashion;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Reads unsigned-byte IDX files (the MNIST / Fashion-MNIST format), gzipped or not: gzip is recognised by its magic
 * bytes, not the file name. The header is the magic number {@code 0x0000 08 DD} (type unsigned byte, DD dimensions)
 * followed by DD big-endian 32-bit sizes and then the values.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads {@code file}, which must hold exactly {@code expectedDims} dimensions.
     *
     * @throws DatasetException naming the file for a wrong magic number, a truncated header or body, or an I/O error
     */
    public static IdxArray read(Path file, int expectedDims) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return read(in, file, expectedDims);
            }
        } catch (EOFException e) {
            throw new DatasetException(file + ": IDX file is truncated (ends inside the header or compressed"
                    + " stream)", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read IDX file (" + e.getMessage() + ")", e);
        }
    }

    private static IdxArray read(DataInputStream in, Path file, int expectedDims) throws IOException {
        int magic = in.readInt();
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        if (magic != expectedMagic) {
            throw new DatasetException(String.format("%s: wrong IDX magic number 0x%08X, expected 0x%08X (unsigned "
                    + "bytes, %d dimensions)", file, magic, expectedMagic, expectedDims));
        }
        int[] dims = new int[expectedDims];
        long total = 1;
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = in.readInt();
            if (dims[d] < 0) {
                throw new DatasetException(file + ": IDX dimension " + d + " is negative (" + dims[d] + ")");
            }
            total *= dims[d];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new DatasetException(file + ": IDX body of " + total + " bytes is too large");
        }
        byte[] data = in.readNBytes((int) total);
        if (data.length < total) {
            throw new DatasetException(file + ": IDX file is truncated: its header promises " + total
                    + " bytes of data, only " + data.length + " are present");
        }
        // Reading to the end makes GZIPInputStream check the member's CRC and length, and finds trailing bytes.
        if (in.read() != -1) {
            throw new DatasetException(file + ": IDX file is longer than its header says (" + total + " bytes of"
                    + " data); it is not a single IDX array");
        }
        return new IdxArray(dims, data);
    }
}
