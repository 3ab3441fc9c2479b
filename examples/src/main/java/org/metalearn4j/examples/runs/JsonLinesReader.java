package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * Reads a JSON-lines event file ({@code metrics.jsonl}, {@code pipeline.jsonl}) that another process may still be
 * appending to, one {@link #poll} at a time: each poll returns the complete lines added since the previous one, each
 * with its event record read back. A line without its line end yet is left for a later poll. A line that is not a JSON
 * object, has no {@code event} field, names an unknown event or does not fit its event's record is skipped and
 * reported in {@link #problems()} with its line number; the lines around it are still read. Fields a record does not
 * have are ignored, so files from newer versions still read. Nothing is ever written, and a symbolic link is not
 * followed.
 */
public final class JsonLinesReader {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final int MAX_PROBLEMS = 20;
    private static final int MAX_MESSAGE = 160;

    private final Path file;
    private final Map<String, ObjectReader> kinds;
    private final List<String> problems = new ArrayList<>();
    private int unreported;
    private long offset;
    private int lines;
    private boolean incomplete;

    /**
     * @param file  the file, which need not exist yet
     * @param kinds the values of {@code event} that lines may have, each with the record its line holds
     */
    public JsonLinesReader(Path file, Map<String, Class<? extends Record>> kinds) {
        this.file = file;
        this.kinds = new TreeMap<>();
        kinds.forEach((kind, type) -> this.kinds.put(kind, JSON.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }

    /**
     * One line read back.
     *
     * @param json  the line as written
     * @param event its {@code event} field's record
     */
    public record Line(ObjectNode json, Record event) {
    }

    /**
     * What one poll read.
     *
     * @param lines     the new complete lines that are valid events, in file order
     * @param restarted the file became shorter than what was read before (it was replaced), so reading started over
     *                  from its first line and {@code records} are all of its lines: drop what was read before
     */
    public record Batch(List<Line> lines, boolean restarted) {
    }

    /** Reads the lines completed since the last poll. A missing file gives an empty batch. */
    public Batch poll() {
        if (Files.isSymbolicLink(file)) {
            reportOnce(file + " is a symbolic link: not read");
            return new Batch(List.of(), false);
        }
        byte[] bytes;
        boolean restarted = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size < offset) {
                restarted = true;
                offset = 0;
                lines = 0;
                problems.clear();
                unreported = 0;
            }
            bytes = readFrom(channel, offset, size);
        } catch (NoSuchFileException e) {
            return new Batch(List.of(), false);
        } catch (IOException e) {
            reportOnce("cannot read " + file + ": " + e);
            return new Batch(List.of(), false);
        }
        int end = lastLineEnd(bytes);
        incomplete = end < bytes.length;
        List<Line> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                lines++;
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty()) {
                    Line record = parse(line);
                    if (record != null) {
                        records.add(record);
                    }
                }
                start = i + 1;
            }
        }
        offset += end;
        return new Batch(records, restarted);
    }

    /**
     * Everything wrong so far, one line each, naming the file and line: lines that were skipped, a last line that
     * has no line end (being written now, or cut off by a crash), a file that could not be read.
     */
    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (unreported > 0) {
            all.add("... and " + unreported + " more bad lines in " + file);
        }
        if (incomplete) {
            all.add(file + " line " + (lines + 1) + " has no line end (it is being written, or the writer was cut "
                    + "off): not read yet");
        }
        return all;
    }

    /** The file this reads. */
    public Path file() {
        return file;
    }

    private Line parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            report(file + " line " + lines + ": not JSON (" + shorten(e.getOriginalMessage()) + "): skipped");
            return null;
        }
        if (!(node instanceof ObjectNode object)) {
            report(file + " line " + lines + ": expected a JSON object, got " + shorten(line) + ": skipped");
            return null;
        }
        JsonNode event = object.get("event");
        if (event == null || !event.isTextual()) {
            report(file + " line " + lines + ": no \"event\" field: skipped");
            return null;
        }
        ObjectReader reader = kinds.get(event.asText());
        if (reader == null) {
            report(file + " line " + lines + ": unknown event '" + shorten(event.asText()) + "' (expected one of "
                    + kinds.keySet() + "): skipped");
            return null;
        }
        try {
            return new Line(object, reader.readValue(object));
        } catch (IOException | RuntimeException e) {
            report(file + " line " + lines + ": not a valid '" + event.asText() + "' event ("
                    + shorten(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString())
                    + "): skipped");
            return null;
        }
    }

    private void report(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            unreported++;
        }
    }

    private void reportOnce(String problem) {
        if (!problems.contains(problem)) {
            report(problem);
        }
    }

    private static byte[] readFrom(FileChannel channel, long from, long size) throws IOException {
        long length = size - from;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("more than 2 GB of new lines at once");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /** Length of the prefix that ends with the last line end. */
    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
