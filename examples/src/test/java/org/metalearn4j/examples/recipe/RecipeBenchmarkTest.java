package org.metalearn4j.examples.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * The recipe benchmark at toy size: a budgeted ProtoNet run on a held-out alphabet writes its learning curve, a run
 * directory and the three one-shot scores; resuming continues to the budget without repeating curve points; an
 * ensemble of runs is scored the same way, with evaluation-only settings changed.
 */
class RecipeBenchmarkTest {
    @TempDir
    Path dir;

    private List<String> args(Path out, double seconds, String params) {
        return new ArrayList<>(List.of("--learner", "protonet", "--params", params,
                "--dataset-params", "{\"trainShift\":1,\"validationAlphabets\":[\"Korean\"]}",
                "--way", "5", "--shot", "1", "--query", "1", "--seconds", String.valueOf(seconds),
                "--eval-split", "meta-val", "--curve-every-seconds", "1", "--curve-episodes", "2",
                "--curve-within-episodes", "1", "--checkpoint-every-seconds", "1", "--episodes", "2",
                "--within-episodes", "1", "--out", out.toString()));
    }

    private static final String NARROW = "{\"backbone\":{\"type\":\"conv4\",\"channels\":4}}";

    private static JsonNode run(List<String> args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            RecipeBenchmark.main(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        return ConfigMappers.plain().readTree(lines[lines.length - 1]);
    }

    private static List<String[]> curve(Path out) throws IOException {
        try (Stream<String> lines = Files.lines(out.resolve("curve.csv"))) {
            return lines.skip(1).map(l -> l.split(",")).toList();
        }
    }

    @Test
    void aBudgetedRunWritesItsCurveAndScoresAndResumesToTheBudget() throws IOException {
        Path out = dir.resolve("proto");
        JsonNode first = run(args(out, 2, NARROW));
        assertThat(first.get("trainSeconds").asDouble()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("metaVal5way1shot").get("episodes").asInt()).isEqualTo(2);
        assertThat(first.get("metaVal20way1shot").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        JsonNode within = first.get("metaValWithinAlphabet20way");
        assertThat(within.get("items").asInt()).isEqualTo(20);
        assertThat(within.get("error").asDouble() + within.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(out.resolve("curve.csv"))).startsWith(LearningCurve.HEADER + "\n");
        List<String[]> points = curve(out);
        assertThat(points).extracting(p -> p[4]).contains("20way1shot", "withinAlphabet20way");
        assertThat(points).extracting(p -> p[3]).containsOnly("meta-val");
        assertThat(out.resolve("result.json")).exists();
        assertThat(out.resolve("config.json")).exists();

        List<String> longer = args(out, 4, NARROW);
        longer.addAll(List.of("--resume", "true"));
        JsonNode resumed = run(longer);
        assertThat(resumed.get("trainIterations").asInt()).isGreaterThan(first.get("trainIterations").asInt());
        assertThat(resumed.get("trainSeconds").asDouble()).isGreaterThanOrEqualTo(4);
        List<String[]> all = curve(out);
        for (int i = 2; i < all.size(); i += 2) {
            assertThat(Integer.parseInt(all.get(i)[1])).as("each point once, in order")
                    .isGreaterThan(Integer.parseInt(all.get(i - 2)[1]));
            assertThat(Double.parseDouble(all.get(i)[2])).isGreaterThanOrEqualTo(Double.parseDouble(all.get(i - 2)[2]));
        }

        List<String> changed = args(out, 6, "{\"backbone\":{\"type\":\"conv4\",\"channels\":8}}");
        changed.addAll(List.of("--resume", "true"));
        assertThatThrownBy(() -> run(changed)).hasMessageContaining("cannot resume")
                .hasMessageContaining("learner.params.backbone.channels: 4 -> 8");
        assertThatThrownBy(() -> run(args(out, 2, NARROW))).hasMessageContaining("already holds checkpoints");

        JsonNode ensemble = run(List.of("--evaluate", out + "," + out, "--eval-split", "meta-val", "--episodes", "2",
                "--within-episodes", "1", "--views", "1", "--eval-set", "learner.params.transductiveSteps=2"));
        assertThat(ensemble.get("evaluated")).hasSize(2);
        assertThat(ensemble.get("evalSet").get(0).asText()).isEqualTo("learner.params.transductiveSteps=2");
        assertThat(ensemble.get("metaValWithinAlphabet20way").get("items").asInt()).isEqualTo(20);
        assertThatThrownBy(() -> run(List.of("--evaluate", out.toString(), "--eval-set",
                "learner.params.backbone.channels=8"))).hasMessageContaining("backbone");
    }
}
