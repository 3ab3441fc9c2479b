package org.metalearn4j.optimization;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.metalearn4j.core.state.StateDict;

/** A state's exact serialised bytes, for bitwise comparisons in tests. */
public final class StateBytes {
    private StateBytes() {
    }

    public static byte[] of(StateDict state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            state.write(new DataOutputStream(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
