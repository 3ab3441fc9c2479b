package org.metalearn4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.spi.ConfigException;

class ConfigDiffTest {

    private static JsonNode json(String text) {
        return ConfigMappers.readJson(text, "test");
    }

    @Test
    void listsEveryDifferingLeafWithBothValuesInDocumentOrder() {
        ConfigDiff diff = ConfigDiff.between(
                json("{\"seed\": 1, \"learner\": {\"name\": \"maml\", \"params\": {\"innerLr\": 0.4,"
                        + " \"backbone\": {\"hidden\": [40, 40]}, \"old\": true}}, \"train\": {\"iterations\": 5}}"),
                json("{\"seed\": 1, \"learner\": {\"name\": \"fomaml\", \"params\": {\"innerLr\": 0.1,"
                        + " \"backbone\": {\"hidden\": [40, 20]}, \"new\": \"x\"}}, \"train\": {\"iterations\": 9}}"));
        assertThat(diff.changes()).extracting(ConfigDiff.Change::toString).containsExactly(
                "learner.name: maml -> fomaml",
                "learner.params.innerLr: 0.4 -> 0.1",
                "learner.params.backbone.hidden[1]: 40 -> 20",
                "learner.params.old: true -> (absent)",
                "learner.params.new: (absent) -> x",
                "train.iterations: 5 -> 9");
        assertThat(diff.except(Set.of("train.iterations", "learner.params")).changes())
                .extracting(ConfigDiff.Change::path).containsExactly("learner.name");
    }

    @Test
    void numbersCompareByValueAndListsOfAnotherLengthAsAWhole() {
        assertThat(ConfigDiff.between(json("{\"a\": 1, \"b\": 2.50}"), json("{\"a\": 1.0, \"b\": 2.5}")).isEmpty())
                .isTrue();
        assertThat(ConfigDiff.between(json("{\"h\": [1, 2]}"), json("{\"h\": [1, 2, 3]}")).changes())
                .extracting(ConfigDiff.Change::toString).containsExactly("h: [1,2] -> [1,2,3]");
        assertThat(ConfigDiff.between(json("{\"x\": null}"), json("{\"x\": 3}")).changes())
                .extracting(ConfigDiff.Change::toString).containsExactly("x: null -> 3");
    }

    @Test
    void resumeAllowsOnlyMoreIterationsUnlessTheChangeIsAccepted() {
        RunConfig saved = ConfigLoader.bind(ConfigMappers.json().createObjectNode(),
                List.of("learner.params.innerLr=0.4"), "saved");
        RunConfig longer = ConfigLoader.bind(ConfigMappers.json().createObjectNode(),
                List.of("learner.params.innerLr=0.4", "train.iterations=5000"), "now");
        assertThat(ResumeCheck.require(saved, longer, "ckpt.ml4j", false).isEmpty()).isTrue();
        assertThat(ResumeCheck.require(saved, longer.withPluginsDir("/elsewhere/plugins"), "ckpt.ml4j", false)
                .isEmpty()).isTrue();

        RunConfig changed = ConfigLoader.bind(ConfigMappers.json().createObjectNode(),
                List.of("learner.params.innerLr=0.1", "seed=7", "train.iterations=5000"), "now");
        assertThatThrownBy(() -> ResumeCheck.require(saved, changed, "ckpt.ml4j", false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot resume: the configuration differs from the one checkpoint ckpt.ml4j was trained"
                        + " with (only train.iterations, cluster and pluginsDir may change):\n"
                        + "  seed: 42 -> 7\n"
                        + "  learner.params.innerLr: 0.4 -> 0.1\n"
                        + "resume with the run's configuration (its config.json), or accept the change with"
                        + " --allow-config-change");
        assertThat(ResumeCheck.require(saved, changed, "ckpt.ml4j", true).changes())
                .extracting(ConfigDiff.Change::path).containsExactly("seed", "learner.params.innerLr");
    }
}
