package org.metalearn4j.examples.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Omniglot -> Fashion-MNIST study end to end at toy size (its real run is in BENCHMARKS.md): every method of the
 * issue gets a 1-shot and a 5-shot cell, and running it again into the same directory reuses every finished stage and
 * prints the same table.
 */
class CrossDomainStudyTest {
    private static final List<String> METHODS = List.of("scratch (fine-tune on support)", "pretrain + fine-tune",
            "pretrain + L2-SP fine-tune", "ProtoNet (Omniglot)", "MAML (Omniglot)", "pretrain -> ProtoNet");

    @Test
    void printsEveryMethodAtBothShotsAndResumes(@TempDir Path dir) throws IOException {
        String[] args = {"--episodes", "2", "--pretrain-iterations", "2", "--meta-iterations", "1",
            "--finetune-steps", "1", "--run-dir", dir.toString()};
        String first = run(args);
        for (String method : METHODS) {
            assertThat(first).containsPattern("\\| " + java.util.regex.Pattern.quote(method)
                    + " \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d % \\| \\d+\\.\\d\\d ± \\d+\\.\\d\\d % \\|");
        }
        Map<Path, FileTime> written = artifacts(dir);
        assertThat(written).hasSize(1 + 2 * (3 + 3 * 2));
        assertThat(run(args)).isEqualTo(first);
        assertThat(artifacts(dir)).as("no stage ran again").isEqualTo(written);
    }

    private static Map<Path, FileTime> artifacts(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<Path, FileTime> times = new TreeMap<>();
            for (Path f : files.filter(f -> f.getFileName().toString().equals("artifact.bin")).toList()) {
                times.put(f, Files.getLastModifiedTime(f));
            }
            return times;
        }
    }

    private static String run(String[] args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CrossDomainStudy.main(args);
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(text.indexOf("| method |"));
    }
}
