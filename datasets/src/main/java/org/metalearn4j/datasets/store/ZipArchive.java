package org.metalearn4j.datasets.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * The file entries of a zip archive, read only after the archive is found whole. Reading a zip as a stream of local
 * entries, as {@link ZipInputStream} does, accepts an archive cut off at an entry boundary: the entries before the cut
 * read fine and the rest are silently missing. So the archive is first checked for its end-of-central-directory
 * record, whose central directory must end where that record begins, and the stream must then hold exactly the number
 * of entries the central directory lists; every entry's CRC is checked as it is read.
 */
public final class ZipArchive {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    /** The entry count of a ZIP64 archive, whose real count is elsewhere; such archives skip the count check. */
    private static final int ZIP64_COUNT = 0xFFFF;

    private ZipArchive() {
    }

    /**
     * One file of the archive.
     *
     * @param name  its path inside the archive
     * @param bytes its content
     */
    public record Entry(String name, byte[] bytes) {
    }

    /**
     * The file entries of {@code zip} (directories are skipped), in archive order.
     *
     * @param archive names the archive in messages
     * @throws DatasetException naming the archive when it is truncated, its central directory does not match its
     *                          entries, or an entry fails its CRC
     */
    public static List<Entry> read(byte[] zip, String archive) {
        int expected = centralDirectoryEntries(zip, archive);
        List<Entry> files = new ArrayList<>();
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                byte[] bytes = in.readAllBytes();
                if (!entry.isDirectory()) {
                    files.add(new Entry(entry.getName(), bytes));
                }
            }
        } catch (ZipException e) {
            throw new DatasetException(archive + ": corrupt zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException(archive + ": cannot read zip archive (" + e.getMessage() + ")", e);
        }
        if (expected != ZIP64_COUNT && entries != expected) {
            throw new DatasetException(archive + ": corrupt zip archive: its central directory lists " + expected
                    + " entries but " + entries + " could be read");
        }
        return files;
    }

    /** The entry count of the end-of-central-directory record, after checking it is where it must be. */
    private static int centralDirectoryEntries(byte[] zip, String archive) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int lowest = Math.max(0, zip.length - END_LENGTH - MAX_COMMENT);
        for (int at = zip.length - END_LENGTH; at >= lowest; at--) {
            if (b.getInt(at) == END_SIGNATURE && at + END_LENGTH + (b.getShort(at + 20) & 0xFFFF) == zip.length) {
                long size = b.getInt(at + 12) & 0xFFFFFFFFL;
                long offset = b.getInt(at + 16) & 0xFFFFFFFFL;
                int count = b.getShort(at + 10) & 0xFFFF;
                if (count != ZIP64_COUNT && offset + size != at) {
                    throw new DatasetException(archive + ": corrupt zip archive: its central directory ("
                            + size + " bytes at " + offset + ") does not end where its end record begins (" + at
                            + ")");
                }
                return count;
            }
        }
        throw new DatasetException(archive + ": truncated or not a zip archive (" + zip.length + " bytes): its end of"
                + " central directory record is missing");
    }
}
