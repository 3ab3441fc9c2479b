package org.metalearn4j.datasets.fashion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.spi.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] body = {1, 2, 3, 4, 5, 6, (byte) 255, 0, 9, 9, 9, 9};
        Path plain = write("plain", idx(0x0803, new int[] {3, 2, 2}, body), false);
        Path gz = write("gz", idx(0x0803, new int[] {3, 2, 2}, body), true);
        for (Path file : new Path[] {plain, gz}) {
            IdxArray array = IdxReader.read(file, 3);
            assertThat(array.dims()).containsExactly(3, 2, 2);
            assertThat(array.items()).isEqualTo(3);
            assertThat(array.itemSize()).isEqualTo(4);
            assertThat(array.data()).containsExactly(body);
        }
    }

    @Test
    void bytesAfterTheBodyTheHeaderPromisesAreRefused() throws IOException {
        byte[] longer = idx(0x0803, new int[] {1, 2, 2}, new byte[] {1, 2, 3, 4, 5, 6});
        Path file = write("longer", longer, true);
        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(file + ": IDX file is longer than its header says (4 bytes of data)");
    }

    @Test
    void wrongMagicNumberNamesTheFileAndBothNumbers() throws IOException {
        Path file = write("labels-as-images", idx(0x0801, new int[] {4}, new byte[4]), true);
        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong IDX magic number 0x00000801, expected 0x00000803");
    }

    @Test
    void truncatedBodyNamesTheFileAndTheMissingBytes() throws IOException {
        byte[] full = idx(0x0803, new int[] {10, 2, 2}, new byte[40]);
        Path plain = write("short", Arrays.copyOf(full, full.length - 15), false);
        assertThatThrownBy(() -> IdxReader.read(plain, 3))
                .hasMessageContaining(plain.toString())
                .hasMessageContaining("promises 40 bytes of data, only 25 are present");
    }

    @Test
    void truncatedGzipStreamNamesTheFile() throws IOException {
        byte[] gz = gzip(idx(0x0803, new int[] {100, 28, 28}, new byte[78400]));
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void missingFilesSayWhereTheyWereLookedFor() {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> FashionMnistFiles.load(missing, "train"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("path: ")
                .hasMessageContaining("train-images-idx3-ubyte not found")
                .hasMessageContaining(missing.resolve("train-images-idx3-ubyte.gz").toString())
                .hasMessageContaining(missing + " does not exist");
    }

    @Test
    void imagesAndLabelsAreGroupedByClassAndScaledToUnitRange() throws IOException {
        byte[] pixels = new byte[3 * 4];
        pixels[0] = (byte) 255;
        pixels[4] = (byte) 51;
        pixels[8] = (byte) 102;
        write("train-images-idx3-ubyte", idx(0x0803, new int[] {3, 2, 2}, pixels), false);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idx(0x0801, new int[] {3}, new byte[] {7, 2, 7})));
        var store = FashionMnistFiles.load(dir, "train");
        assertThat(store.classes()).isEqualTo(10);
        assertThat(store.count(7)).isEqualTo(2);
        assertThat(store.count(2)).isEqualTo(1);
        assertThat(store.className(7)).isEqualTo("Sneaker");
        assertThat(store.example(7, 0)).containsExactly(1f, 0f, 0f, 0f);
        assertThat(store.example(7, 1)).containsExactly(0.4f, 0f, 0f, 0f);
        assertThat(store.example(2, 0)).containsExactly(0.2f, 0f, 0f, 0f);
    }

    private Path write(String name, byte[] content, boolean gzipped) throws IOException {
        Path file = dir.resolve(name + (gzipped ? ".gz" : ""));
        Files.write(file, gzipped ? gzip(content) : content);
        return file;
    }

    private static byte[] idx(int magic, int[] dims, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(body);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
