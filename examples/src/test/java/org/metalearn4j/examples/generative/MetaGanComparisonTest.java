package org.metalearn4j.examples.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;

/** The comparison's figures from result files written as {@link MetaGanRun} writes them. */
class MetaGanComparisonTest {
    @TempDir
    Path runs;

    @Test
    void differencesArePairedPerSeedAndTheReportedIntervalIsOverSeeds() throws IOException {
        // per-seed MetaGAN - MAML differences 0.19, 0.20, 0.21: mean 0.2, interval 4.303 * 0.01 / sqrt(3) over seeds
        for (int seed = 1; seed <= 3; seed++) {
            double gain = 0.18 + 0.01 * seed;
            write("maml-1shot-seed" + seed, 20261123, 0.5, 0.7);
            write("metagan-maml-1shot-seed" + seed, 20261123, 0.5 + gain, 0.7 + gain);
        }
        JsonNode shot = compare("1,2,3").get("1shot");
        assertThat(shot.get("difference").asDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(shot.get("differenceCi95OverSeeds").asDouble()).isCloseTo(4.303 * 0.01 / Math.sqrt(3),
                within(1e-12));
        assertThat(shot.get("seeds").asInt()).isEqualTo(3);
        assertThat(shot.get("intervalExcludesZero").asBoolean()).isTrue();
        assertThat(shot.get("perSeed").get(1).get("difference").asDouble()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void oneSeedGivesNoIntervalOverSeeds() throws IOException {
        write("maml-1shot-seed1", 20261123, 0.9, 0.9);
        write("metagan-maml-1shot-seed1", 20261123, 0.8, 0.8);
        JsonNode shot = compare("1").get("1shot");
        assertThat(shot.get("difference").asDouble()).isCloseTo(-0.1, within(1e-12));
        assertThat(shot.get("differenceCi95OverSeeds").isNull()).isTrue();
        assertThat(shot.get("intervalExcludesZero").asBoolean()).isFalse();
    }

    @Test
    void runsScoredOnOtherEpisodesAreRefused() throws IOException {
        write("maml-1shot-seed1", 20261123, 0.9, 0.9);
        write("metagan-maml-1shot-seed1", 7, 0.8, 0.8);
        assertThatThrownBy(() -> compare("1")).hasMessageContaining("different episodes");
    }

    private void write(String name, long evalSeed, double... perEpisode) throws IOException {
        ObjectNode result = ConfigMappers.plain().createObjectNode().put("name", name).put("evalSeed", evalSeed)
                .put("episodes", perEpisode.length).put("accuracy", (perEpisode[0] + perEpisode[1]) / 2)
                .put("iterations", 10);
        perEpisode(result, perEpisode);
        Files.createDirectories(runs.resolve(name));
        Files.writeString(runs.resolve(name).resolve("result.json"), result.toString());
    }

    private static void perEpisode(ObjectNode result, double[] values) {
        var array = result.putArray("perEpisode");
        for (double v : values) {
            array.add(v);
        }
    }

    private JsonNode compare(String seeds) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            MetaGanComparison.main(new String[] {"--runs", runs.toString(), "--classifier", "maml", "--shots", "1",
                "--seeds", seeds});
        } finally {
            System.setOut(original);
        }
        return ConfigMappers.plain().readTree(printed.toString(StandardCharsets.UTF_8));
    }
}
