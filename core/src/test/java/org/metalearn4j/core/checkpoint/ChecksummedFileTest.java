package org.metalearn4j.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksummedFileTest {

    @Test
    void bodyIsFollowedByItsDigestAndAnyChangedByteFailsVerification(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.bin");
        String hex = ChecksummedFile.write(file, out -> out.writeUTF("hello"));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(ChecksummedFile.verify(bytes)).isTrue();
        int body = bytes.length - ChecksummedFile.DIGEST_BYTES;
        assertThat(HexFormat.of().formatHex(bytes, body, bytes.length)).isEqualTo(hex)
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Arrays.copyOf(bytes, body))));
        for (int i = 0; i < bytes.length; i++) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 1;
            assertThat(ChecksummedFile.verify(flipped)).as("byte %d flipped", i).isFalse();
        }
        assertThat(ChecksummedFile.verify(new byte[5])).isFalse();
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("f.bin");
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.bin");
        ChecksummedFile.write(file, out -> out.writeInt(1));
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> ChecksummedFile.write(file, out -> {
            out.writeInt(2);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("f.bin");
        }
    }
}
