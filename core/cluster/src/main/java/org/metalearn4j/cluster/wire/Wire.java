package org.metalearn4j.cluster.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.state.StateDict;

/**
 * The byte format of every cluster message, sent as a Vert.x {@link Buffer}: a magic number and format version, the
 * header record as length-prefixed JSON, then, optionally, a {@link StateDict} in its exact binary form (raw IEEE
 * bits), so parameters and results arrive bit for bit. Decoding is strict: an unknown header field, a missing part or
 * another format version is a {@link WireException} that says what was expected.
 */
public final class Wire {
    private static final int MAGIC = 0x4D4C4357; // "MLCW"
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private Wire() {
    }

    /**
     * A decoded message.
     *
     * @param header  the header record
     * @param payload the arrays, or null when the message has none
     * @param <T>     the header type
     */
    public record Message<T>(T header, StateDict payload) {
    }

    /** A message without arrays. */
    public static Buffer encode(Record header) {
        return encode(header, null);
    }

    /** A message with {@code payload} (null: none). */
    public static Buffer encode(Record header, StateDict payload) {
        try {
            byte[] json = JSON.writeValueAsBytes(header);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(json.length);
            out.write(json);
            out.writeBoolean(payload != null);
            if (payload != null) {
                payload.write(out);
            }
            out.flush();
            return Buffer.buffer(bytes.toByteArray());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + header.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a message whose header is a {@code type}.
     *
     * @param body a message body as received
     * @throws WireException naming {@code type} and what is wrong
     */
    public static <T extends Record> Message<T> decode(Object body, Class<T> type) {
        String what = type.getSimpleName();
        if (!(body instanceof Buffer buffer)) {
            throw new WireException("expected a " + what + " message (metalearn4j cluster wire format), got "
                    + (body == null ? "nothing" : "a " + body.getClass().getSimpleName()));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(buffer.getBytes()))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new WireException("expected a " + what + " message, got " + buffer.length()
                        + " bytes that are not in the metalearn4j cluster wire format");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new WireException("a " + what + " message in wire format " + format + "; this build reads format "
                        + FORMAT + " (run the same metalearn4j version on every member)");
            }
            int length = in.readInt();
            if (length < 0 || length > buffer.length()) {
                throw new WireException("a " + what + " message with a header of " + length + " bytes in a message of "
                        + buffer.length());
            }
            T header = JSON.readValue(in.readNBytes(length), type);
            StateDict payload = in.readBoolean() ? StateDict.read(in) : null;
            return new Message<>(header, payload);
        } catch (WireException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new WireException("cannot read the header of a " + what + " message: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WireException("cannot read a " + what + " message of " + buffer.length() + " bytes: "
                    + e.getMessage(), e);
        }
    }
}
