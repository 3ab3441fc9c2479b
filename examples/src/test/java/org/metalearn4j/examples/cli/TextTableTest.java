package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code metalearn plugins}' table: every column starts at one place whatever the JAR names' lengths. */
class TextTableTest {

    @Test
    void pluginsTableColumnsAreAligned() {
        CliRun r = CliRun.of("plugins");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.matches("(KIND|learner|dataset|stage|backbone|optimizer"
                + "|backend) .*")).toList();
        assertThat(rows).hasSizeGreaterThan(20);
        String header = rows.get(0);
        for (String column : List.of("NAME", "RANK", "ORIGIN", "DESCRIPTION")) {
            int at = header.indexOf(column);
            assertThat(rows).as(column).allMatch(row -> row.charAt(at - 1) == ' ' && row.charAt(at) != ' '
                    && row.charAt(at - 2) == ' ');
        }
    }

    @Test
    void lastCellsAreNeitherPaddedNorWidenTheirColumn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TextTable().row("a", "bb", "x").row("ccc", "d", "a much longer last cell").row("module", "m.Module")
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "a       bb  x", "ccc     d   a much longer last cell", "module  m.Module");
    }
}
