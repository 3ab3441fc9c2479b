package org.metalearn4j.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.examples.runs.RunFixtures;

class RunsRootTest {
    @TempDir
    Path tmp;

    @Test
    void findsTrainingAndPipelineRunsAtAnyDepthButNotThroughLinksOrInsideRuns() throws IOException {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        RunFixtures.training(runs.resolve("proto"), "protonet", "omniglot", 2, true);
        RunFixtures.training(runs.resolve("study/maml/seed-1"), "maml", "omniglot", 2, true);
        Files.createDirectories(runs.resolve("pipe/0-pretrain"));
        Files.write(runs.resolve("pipe/0-pretrain/artifact.bin"), new byte[] {1});
        RunFixtures.training(runs.resolve("proto/checkpoints/nested"), "x", "y", 1, true);
        RunFixtures.training(runs.resolve(".hidden"), "x", "y", 1, true);
        Path outside = RunFixtures.training(tmp.resolve("outside"), "x", "y", 1, true);
        Files.createSymbolicLink(runs.resolve("linked"), outside);
        Files.createDirectories(runs.resolve("empty"));

        RunsRoot root = RunsRoot.open(runs);
        assertThat(root.discover()).extracting(RunsRoot.Found::id, RunsRoot.Found::pipeline)
                .containsExactlyInAnyOrder(tuple("proto", false),
                        tuple("study/maml/seed-1", false),
                        tuple("pipe", true));
    }

    @Test
    void aBrowsersRunIdMustStayInsideTheRunsDirectoryWithoutLinks() throws IOException {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        RunFixtures.training(runs.resolve("proto"), "protonet", "omniglot", 2, true);
        Path outside = RunFixtures.training(tmp.resolve("outside"), "x", "y", 1, true);
        Files.createSymbolicLink(runs.resolve("linked"), outside);
        Files.createSymbolicLink(runs.resolve("alias"), runs.resolve("proto"));
        RunsRoot root = RunsRoot.open(runs);

        assertThat(root.resolve("proto")).isEqualTo(root.path().resolve("proto"));
        assertThatThrownBy(() -> root.resolve("..")).hasMessageContaining("may not contain empty, '.' or '..' parts");
        assertThatThrownBy(() -> root.resolve("../outside")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> root.resolve("proto/../../outside")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> root.resolve(outside.toString())).hasMessageContaining("must be a path relative");
        assertThatThrownBy(() -> root.resolve("/etc/passwd")).hasMessageContaining("must be a path relative");
        assertThatThrownBy(() -> root.resolve("..\\outside")).hasMessageContaining("must be a path relative");
        assertThatThrownBy(() -> root.resolve("linked")).hasMessageContaining("passes a symbolic link");
        assertThatThrownBy(() -> root.resolve("alias")).hasMessageContaining("passes a symbolic link");
        assertThatThrownBy(() -> root.resolve("nope")).hasMessageContaining("no run 'nope'");
        assertThatThrownBy(() -> root.resolve("")).hasMessageContaining("no run given");
    }

    @Test
    void aMissingRunsDirectoryOrAFileIsRefusedWithWhatToDo() throws IOException {
        assertThatThrownBy(() -> RunsRoot.open(tmp.resolve("nope"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("runs directory " + tmp.resolve("nope") + " does not exist")
                .hasMessageContaining("--runs");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> RunsRoot.open(file)).hasMessageContaining("is not a directory");
    }
}
