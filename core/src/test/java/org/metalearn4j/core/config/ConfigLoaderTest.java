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

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void yamlFillsMissingKeysFromDefaults() throws IOException {
        RunConfig c = ConfigLoader.load(file("run.yaml", """
                seed: 7
                learner:
                  name: maml
                  params: {innerSteps: 3}
                train:
                  iterations: 50
                """), List.of());

        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.learner().name()).isEqualTo("maml");
        assertThat(c.learner().params().get("innerSteps").asInt()).isEqualTo(3);
        assertThat(c.train().iterations()).isEqualTo(50);
        assertThat(c.train().metaBatch()).isEqualTo(TrainConfig.defaults().metaBatch());
        assertThat(c.eval()).isEqualTo(EvalConfig.defaults());
        assertThat(c.dataset()).isEqualTo(RunConfig.defaults().dataset());
    }

    @Test
    void jsonAndYamlOfTheSameDocumentBindEqually() throws IOException {
        RunConfig json = ConfigLoader.load(file("run.json", "{\"seed\": 3, \"train\": {\"way\": 20}}"), List.of());
        RunConfig yaml = ConfigLoader.load(file("run.yml", "seed: 3\ntrain: {way: 20}\n"), List.of());
        assertThat(json).isEqualTo(yaml);
    }

    @Test
    void overridesSetNestedValuesWithTheirTypes() throws IOException {
        RunConfig c = ConfigLoader.load(file("run.yaml", "seed: 1\n"),
                List.of("train.iterations=12", "learner.params.lr=0.5", "learner.params.tag=abc", "backend=cpu"));
        assertThat(c.train().iterations()).isEqualTo(12);
        assertThat(c.learner().params().get("lr").isDouble()).isTrue();
        assertThat(c.learner().params().get("tag").asText()).isEqualTo("abc");
        assertThat(c.backend()).isEqualTo("cpu");
    }

    @Test
    void renamingAComponentDropsTheDefaultParameters() {
        RunConfig c = ConfigLoader.bind(ConfigMappers.json().createObjectNode(),
                List.of("dataset.name=other"), "test");
        assertThat(c.dataset().params().isEmpty()).isTrue();
    }

    @Test
    void unknownKeyNamesThePathTheAllowedKeysAndTheFile() throws IOException {
        Path f = file("run.yaml", "train:\n  iterashuns: 5\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("train.iterashuns: unknown key; allowed keys here: [checkpointEvery,")
                .hasMessageContaining("iterations")
                .hasMessageEndingWith("(in " + f + ")");
    }

    @Test
    void wrongTypeNamesThePathExpectedTypeAndValue() throws IOException {
        Path f = file("run.yaml", "train:\n  iterations: three\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("train.iterations: expected an integer, got \"three\"");
        assertThatThrownBy(() -> ConfigLoader.load(file("b.yaml", "train:\n  way: 2.5\n"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("train.way: expected an integer");
    }

    @Test
    void valuesOfAnotherShapeAreDescribedWithoutJacksonTypeOrTokenNames() throws IOException {
        String[][] cases = {
            {"train: {iterations: [1]}\n", "train.iterations: expected an integer, got a list [1] (in run.yaml)"},
            {"train: {split: {a: 1}}\n", "train.split: expected a string, got a mapping {\"a\":1} (in run.yaml)"},
            {"eval: {episodes: null}\n", "eval.episodes: expected an integer, got null (in run.yaml)"},
            {"train: {iterations: true}\n", "train.iterations: expected an integer, got true (in run.yaml)"},
            {"train: {iterations: 99999999999}\n", "train.iterations: expected an integer in [-2147483648,"
                    + " 2147483647], got 99999999999 (in run.yaml)"},
            {"seed: 99999999999999999999999\n", "seed: expected an integer in [-9223372036854775808,"
                    + " 9223372036854775807], got 99999999999999999999999 (in run.yaml)"}};
        for (String[] c : cases) {
            Path f = file("run.yaml", c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                    .as(c[0]).isInstanceOf(ConfigException.class).hasMessage(c[1].replace("run.yaml", f.toString()));
        }
    }

    @Test
    void anErrorFoundAfterLoadingIsAttributedToTheSetThatGaveTheValue() {
        ConfigException fromBinding = new ConfigException("learner.params.lr", "expected a number, got \"x\""
                + " (in base.yaml)");
        assertThat(ConfigLoader.attribute(fromBinding, List.of("train.way=3", "learner.params.lr=x"), "base.yaml"))
                .hasMessage("learner.params.lr: expected a number, got \"x\" (from --set learner.params.lr=x)");
        ConfigException fromFile = new ConfigException("learner.params.momentum", "expected ... (in base.yaml)");
        assertThat(ConfigLoader.attribute(fromFile, List.of("learner.params.lr=x"), "base.yaml")).isSameAs(fromFile);
        ConfigException attributed = ConfigLoader.attribute(fromBinding, List.of("learner.params.lr=x"), "base.yaml");
        assertThat(ConfigLoader.attribute(attributed, List.of("learner.params.lr=x"), "base.yaml"))
                .as("attributed once, however often a caller asks").isSameAs(attributed);
    }

    @Test
    void outOfRangeValueNamesThePathAndTheAllowedRange() throws IOException {
        Path f = file("run.yaml", "eval:\n  episodes: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("eval.episodes: expected an integer >= 1, got 0")
                .extracting(e -> ((ConfigException) e).path()).isEqualTo("eval.episodes");
    }

    @Test
    void malformedDocumentsAndOverridesAreRejectedClearly() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(file("run.txt", "seed: 1"), List.of()))
                .hasMessageContaining("expected a .yaml, .yml or .json extension");
        assertThatThrownBy(() -> ConfigLoader.load(file("run.yaml", "seed: [1\n"), List.of()))
                .hasMessageContaining("cannot parse");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml"), List.of()))
                .hasMessageContaining("config file not found");
        assertThatThrownBy(() -> ConfigLoader.load(file("run.yaml", "seed: 1\n"), List.of("train.iterations")))
                .hasMessageContaining("--set expects key.path=value");
        assertThatThrownBy(() -> ConfigLoader.load(file("run.yaml", "seed: 1\n"), List.of("seed.x=1")))
                .hasMessageContaining("cannot set a key inside 'seed'");
        assertThatThrownBy(() -> ConfigLoader.load(file("run.yaml", "train: 5\n"), List.of()))
                .hasMessageStartingWith("train: expected a mapping");
    }

    @Test
    void configSurvivesAJsonRoundTrip() {
        RunConfig c = ConfigLoader.bind(ConfigMappers.json().createObjectNode(),
                List.of("learner.params.x=1", "pluginsDir=/tmp/p"), "test");
        assertThat(ConfigLoader.fromJson(ConfigLoader.toJson(c), "copy")).isEqualTo(c);
    }

    @Test
    void defaultsRenderAsCommentedYamlThatLoadsBackToTheDefaults() throws IOException {
        String yaml = ConfigDocs.yaml(RunConfig.defaults());
        assertThat(yaml).contains("seed: 42  # base seed").contains("\n  iterations: 1000  # meta-training iterations")
                .contains("\n  params: {}  # the provider's params");
        assertThat(ConfigLoader.load(file("defaults.yaml", yaml), List.of())).isEqualTo(RunConfig.defaults());
    }
}
