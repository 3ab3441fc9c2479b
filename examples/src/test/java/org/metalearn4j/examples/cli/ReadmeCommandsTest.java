package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Other learners and data sets" commands run as written, each with settings that make it take seconds
 * (one iteration, a narrow backbone, one evaluation episode) appended.
 */
class ReadmeCommandsTest {

    @Test
    void otherLearnersCommandsTrain(@TempDir Path dir) throws IOException {
        List<String> commands = block("### Other learners and data sets");
        assertThat(commands).hasSizeGreaterThanOrEqualTo(4);
        int n = 0;
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.replaceFirst("^\\./metalearn ", "")
                    .replace("examples/configs/", "configs/").split("\\s+")));
            int out = args.indexOf("--out");
            if (out >= 0) {
                // the README's own run directory is replaced by one under the test's temporary directory
                args.subList(out, out + 2).clear();
            }
            args.addAll(List.of("--out", dir.resolve("run" + n++).toString(), "--no-progress",
                    "--set", "train.iterations=1", "--set", "train.metaBatch=1", "--set", "eval.episodes=1"));
            if (command.contains("omniglot")) {
                args.addAll(List.of("--set", "learner.params.backbone.channels=4", "--set", "train.query=1",
                        "--set", "eval.query=2"));
            }
            CliRun r = CliRun.of(args.toArray());
            assertThat(r.code()).as(command + "\n" + r.err()).isZero();
        }
    }

    /** The commands of the first bash block after {@code heading}, comments removed. */
    private static List<String> block(String heading) throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(Pattern.quote(heading) + "\n.*?```bash\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as(heading).isTrue();
        return m.group(1).lines().map(line -> line.replaceFirst("#.*$", "").strip()).filter(l -> !l.isEmpty())
                .toList();
    }
}
