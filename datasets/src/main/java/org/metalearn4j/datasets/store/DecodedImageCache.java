package org.metalearn4j.datasets.store;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.metalearn4j.core.checkpoint.ChecksummedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoded images kept on disk between runs, one file per archive and decoding: decoding the PNGs of the shipped
 * Omniglot archives is most of the CPU time of a training run's start, and reading the decoded floats back is
 * about fifty times cheaper.
 *
 * <p>A file is named by its kind (what was decoded, how, and the layout version) and the SHA-256 of the archive's
 * bytes, so a changed archive or decoding never reads an old file. It is written atomically with a SHA-256 trailer
 * ({@link ChecksummedFile}) and repeats kind and archive checksum in its header; a file that fails either check, or
 * that the reader cannot parse to its exact end, is reported in one warning line, decoded afresh and replaced, never
 * used. A cache that cannot be written costs only the speed-up.
 *
 * <p>Location: the system property {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT}, else
 * {@code $XDG_CACHE_HOME/metalearn4j/decoded} or {@code ~/.cache/metalearn4j/decoded}; the value {@code off}
 * disables the cache.
 */
public final class DecodedImageCache {
    /** System property naming the cache directory, or {@code off}. */
    public static final String PROPERTY = "metalearn4j.imageCache";
    /** Environment variable naming the cache directory, or {@code off}; the system property wins. */
    public static final String ENVIRONMENT = "METALEARN4J_IMAGE_CACHE";
    /** The value of {@link #PROPERTY} or {@link #ENVIRONMENT} that disables the cache. */
    public static final String OFF = "off";

    private static final Logger LOG = LoggerFactory.getLogger(DecodedImageCache.class);
    private static final String MAGIC = "metalearn4j decoded images";

    private final Optional<Path> dir;
    private final Consumer<String> warnings;

    private DecodedImageCache(Optional<Path> dir, Consumer<String> warnings) {
        this.dir = dir;
        this.warnings = warnings;
    }

    /** A cache in {@code dir} (created on first write) that logs its warnings. */
    public static DecodedImageCache at(Path dir) {
        return at(dir, LOG::warn);
    }

    /** A cache in {@code dir} (created on first write) that gives each warning, one line, to {@code warnings}. */
    public static DecodedImageCache at(Path dir, Consumer<String> warnings) {
        return new DecodedImageCache(Optional.of(dir), warnings);
    }

    /** No cache: every {@link #get} decodes. */
    public static DecodedImageCache disabled() {
        return new DecodedImageCache(Optional.empty(), LOG::warn);
    }

    /** The cache this process is configured with (see the class description). */
    public static DecodedImageCache configured() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(ENVIRONMENT);
        }
        if (setting != null && !setting.isBlank()) {
            return setting.trim().equalsIgnoreCase(OFF) ? disabled() : at(Path.of(setting.trim()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("metalearn4j").resolve("decoded"));
    }

    /** The directory, or empty when disabled. */
    public Optional<Path> directory() {
        return dir;
    }

    /** How a decoded value is stored; {@link #read} must consume exactly what {@link #write} wrote. */
    public interface Codec<T> {
        void write(T value, DataOutputStream out) throws IOException;

        /**
         * @throws RuntimeException (e.g. {@link BufferUnderflowException}, {@link IllegalArgumentException}) when
         *                          the bytes are not a value written by {@link #write}
         */
        T read(ByteBuffer in);
    }

    /**
     * The file that holds {@code kind} decoded from the archive with SHA-256 {@code archiveSha256}, or empty when
     * disabled.
     */
    public Optional<Path> fileFor(String kind, String archiveSha256) {
        return dir.map(d -> d.resolve(kind + "-" + archiveSha256 + ".bin"));
    }

    /**
     * The value decoded from an archive: read from the cache when a sound file for it exists, else
     * {@code decode}d and stored.
     *
     * @param kind          what was decoded and how, with the layout version, e.g. {@code omniglot-28px-v1}; file-name
     *                      characters only
     * @param archiveSha256 hex SHA-256 of the archive's bytes
     * @param archive       names the archive in the warning lines
     */
    public <T> T get(String kind, String archiveSha256, String archive, Codec<T> codec, Supplier<T> decode) {
        Optional<Path> file = fileFor(kind, archiveSha256);
        if (file.isEmpty()) {
            return decode.get();
        }
        Optional<T> cached = read(file.get(), kind, archiveSha256, archive, codec);
        if (cached.isPresent()) {
            return cached.get();
        }
        T value = decode.get();
        try {
            ChecksummedFile.write(file.get(), out -> {
                writeString(out, MAGIC);
                writeString(out, kind);
                writeString(out, archiveSha256);
                codec.write(value, out);
            });
        } catch (IOException | RuntimeException e) {
            warnings.accept("cannot write the decoded-image cache " + file.get() + " (" + e + "); " + archive
                    + " will be decoded again next time (" + ENVIRONMENT + "=" + OFF + " skips the cache)");
        }
        return value;
    }

    private <T> Optional<T> read(Path file, String kind, String archiveSha256, String archive,
                                        Codec<T> codec) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return rejected(file, archive, "unreadable: " + e);
        }
        if (!ChecksummedFile.verify(bytes)) {
            return rejected(file, archive, "its SHA-256 trailer does not match (torn or altered)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - ChecksummedFile.DIGEST_BYTES);
        try {
            String magic = readString(in);
            String storedKind = readString(in);
            String storedSha = readString(in);
            if (!magic.equals(MAGIC) || !storedKind.equals(kind) || !storedSha.equals(archiveSha256)) {
                return rejected(file, archive, "it holds " + storedKind + " of archive " + storedSha
                        + ", expected " + kind + " of " + archiveSha256);
            }
            T value = codec.read(in);
            if (in.hasRemaining()) {
                return rejected(file, archive, in.remaining() + " bytes follow the decoded images");
            }
            return Optional.of(value);
        } catch (RuntimeException e) {
            return rejected(file, archive, "cannot parse it: " + e);
        }
    }

    private <T> Optional<T> rejected(Path file, String archive, String why) {
        warnings.accept("decoded-image cache " + file + " not used, " + why + "; decoding " + archive
                + " again and rewriting it");
        return Optional.empty();
    }

    /** Writes a string as its UTF-8 length and bytes, the form {@link #readString} reads. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
