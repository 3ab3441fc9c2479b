package org.metalearn4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.spi.ConfigException;

/** What YAML or JSON parsers accept silently is refused with the field path, the file and the line. */
class StrictReadingTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void yaml11OctalAndOtherNonDecimalIntegersAreRefused() throws IOException {
        Path f = file("run.yaml", "seed: 1\ntrain:\n  iterations: 010\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("train.iterations: 010 is not a plain decimal integer (YAML 1.1 reads it as 8); write the"
                        + " number in decimal without a leading 0, or quote it for text (in " + f + ", line 3)")
                .extracting(e -> ((ConfigException) e).path()).isEqualTo("train.iterations");
        assertThatThrownBy(() -> ConfigMappers.readYaml("a: {b: [1, 0x10]}", "x.yaml"))
                .hasMessageStartingWith("a.b[1]: 0x10 is not a plain decimal integer (YAML 1.1 reads it as 16)");
        assertThatThrownBy(() -> ConfigMappers.readYaml("n: 1_000", null))
                .hasMessageStartingWith("n: 1_000 is not a plain decimal integer");
        assertThat(ConfigMappers.readYaml("a: 0\nb: -12\nc: '010'\nd: 0.5\n", null).toString())
                .isEqualTo("{\"a\":0,\"b\":-12,\"c\":\"010\",\"d\":0.5}");
    }

    @Test
    void yaml11BooleansOtherThanTrueAndFalseAreRefused() {
        assertThatThrownBy(() -> ConfigMappers.readYaml("learner:\n  params:\n    batched: yes\n", "r.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.batched: yes is read by YAML 1.1 as true; write true, or quote it for text"
                        + " (in r.yaml, line 3)");
        assertThatThrownBy(() -> ConfigMappers.readYaml("x: off", null))
                .hasMessageStartingWith("x: off is read by YAML 1.1 as false");
        assertThat(ConfigMappers.readYaml("x: true\ny: False\nz: 'yes'\n", null).toString())
                .isEqualTo("{\"x\":true,\"y\":false,\"z\":\"yes\"}");
    }

    @Test
    void nonFiniteNumbersAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ConfigMappers.readYaml("learner:\n  params: {innerLr: .nan}\n", "r.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.innerLr: expected a finite number, got .nan (in r.yaml, line 2)");
        assertThatThrownBy(() -> ConfigMappers.readYaml("lr: -.Inf", null))
                .hasMessageStartingWith("lr: expected a finite number, got -.Inf");
        assertThatThrownBy(() -> ConfigMappers.readJson("{\"lr\": 1e400}", "c.json"))
                .hasMessage("lr: expected a finite number, got 1e400 (in c.json)");
    }

    @Test
    void duplicateKeysAreRefusedInYamlAndJson() throws IOException {
        Path f = file("run.yaml", "train:\n  way: 5\n  shot: 1\n  way: 20\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                .hasMessage("train.way: key given twice; keep one (a parser would silently use the last) (in " + f
                        + ", line 4)");
        assertThatThrownBy(() -> ConfigMappers.readJson("{\"stages\": [{\"stage\": \"a\", \"stage\": \"b\"}]}", null))
                .hasMessageStartingWith("stages[0].stage: key given twice");
        assertThat(ConfigMappers.readYaml("a: {x: 1}\nb: {x: 2}\n", null).toString())
                .isEqualTo("{\"a\":{\"x\":1},\"b\":{\"x\":2}}");
    }

    @Test
    void setOverridesAreReadAsStrictlyAndNameTheOverride() throws IOException {
        Path f = file("run.yaml", "seed: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of("train.iterations=010")))
                .hasMessageStartingWith("train.iterations: 010 is not a plain decimal integer")
                .hasMessageEndingWith("(in --set train.iterations=010)");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of("train.way=0")))
                .hasMessage("train.way: expected an integer >= 1, got 0 (from --set train.way=0)");
        assertThat(ConfigLoader.load(f, List.of("learner.params.tag=hello world")).learner().params().get("tag")
                .asText()).isEqualTo("hello world");
    }

    @Test
    void binaryFilesAreReportedAsNotText() throws IOException {
        Path f = dir.resolve("run.yaml");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(f + " is not UTF-8 text; a configuration is a YAML or JSON text file");
    }
}
