package org.metalearn4j.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Issue 25, item 6: a file failure names the file and the reason, also where Java's message is only the path. */
class IoReasonTest {
    @Test
    void theReasonIsStatedEvenWhenTheExceptionCarriesOnlyThePath() {
        assertThat(IoReason.describe("cannot write metrics file", "runs/x/metrics.jsonl",
                new AccessDeniedException("runs/x/metrics.jsonl")))
                .isEqualTo("cannot write metrics file runs/x/metrics.jsonl: permission denied (a read-only directory"
                        + " or file system?)");
        assertThat(IoReason.describe("cannot read", "a", new NoSuchFileException("a")))
                .isEqualTo("cannot read a: no such file or directory");
        assertThat(IoReason.describe("cannot write checkpoint", "run/checkpoints/c.ml4j",
                new FileSystemException("run/checkpoints", null, "Not a directory")))
                .isEqualTo("cannot write checkpoint run/checkpoints/c.ml4j: Not a directory (run/checkpoints)");
        assertThat(IoReason.of(new IOException("No space left on device"))).isEqualTo("No space left on device");
    }
}
