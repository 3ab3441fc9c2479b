package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.MetricsFileListener;
import org.metalearn4j.core.event.PipelineEvents;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.train.Trainer;

/** Run directories for tests, their metrics written by the trainer's own {@link MetricsFileListener}. */
public final class RunFixtures {
    private RunFixtures() {
    }

    /**
     * A training run of {@code steps} steps (loss {@code 2 - i/steps}, accuracy {@code i/steps}) with an evaluation
     * every 5 steps (value {@code 0.5 + i/100}, CI 0.02 over 100 episodes), ending with a {@code finished} event if
     * {@code finished}.
     */
    public static Path training(Path dir, String learner, String dataset, int steps, boolean finished)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Trainer.CONFIG_FILE), """
                {"seed": 7, "learner": {"name": "%s", "params": {}}, "dataset": {"name": "%s", "params": {}},
                 "train": {"iterations": %d}}
                """.formatted(learner, dataset, steps));
        try (MetricsFileListener metrics = new MetricsFileListener(dir.resolve(Trainer.METRICS_FILE))) {
            metrics.onStarted(new RunStarted(dir.toString(), 0, steps, learner, dataset, "cpu: test"));
            for (int i = 1; i <= steps; i++) {
                metrics.onStep(step(i, steps));
                if (i % 5 == 0) {
                    metrics.onEval(new EvalEvent(i, "meta-test", "accuracy", 0.5 + i / 100.0, 0.02, 100));
                }
            }
            if (finished) {
                metrics.onFinished(new RunFinished(dir.toString(), steps, steps, 1.0, "accuracy",
                        0.5 + steps / 100.0, 0.02, 100, 1.5, null, false));
            }
        }
        return dir;
    }

    /**
     * A pipeline run of three stages as its journal records it: {@code 0-pretrain} done (its artifact file holds no
     * artifact), {@code 1-finetune} at 3 of 10 steps, {@code 2-evaluate} not started.
     */
    public static Path pipeline(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("0-pretrain"));
        Files.writeString(dir.resolve("0-pretrain/artifact.bin"), "not an artifact");
        StagePosition pretrain = new StagePosition(0, "pretrain", 3);
        StagePosition finetune = new StagePosition(1, "finetune", 3);
        Map<Class<?>, EventType<?>> types = new HashMap<>();
        PipelineEvents.TYPES.forEach(t -> types.put(t.type(), t));
        StringBuilder lines = new StringBuilder();
        ObjectNode plan = ConfigMappers.plain().createObjectNode().put("event", PipelinePlan.KIND);
        plan.setAll((ObjectNode) ConfigMappers.plain().valueToTree(new PipelinePlan("p.yaml",
                List.of("0-pretrain", "1-finetune", "2-evaluate"), false)));
        lines.append(plan).append('\n');
        for (Record e : List.of(new StageStarted(pretrain, dir.resolve("0-pretrain").toString()),
                new StageFinished(pretrain, ArtifactKind.BACKBONE, Map.of("accuracy", 0.75),
                        dir.resolve("0-pretrain/artifact.bin").toString(), 12.5),
                new StageStarted(finetune, dir.resolve("1-finetune").toString()),
                new StageProgressEvent(finetune, 3, 10, Map.of("loss", 0.5)))) {
            lines.append(EventLine.of(types.get(e.getClass()), e)).append('\n');
        }
        Files.writeString(dir.resolve(PipelineJournal.FILE), lines);
        return dir;
    }

    /** Step {@code i} of {@code steps} as {@link #training} writes it. */
    public static StepEvent step(int i, int steps) {
        return new StepEvent(i, steps, 2.0 - (double) i / steps, (double) i / steps, "accuracy",
                Map.of("lr", 0.01), 0.1 * i, 0.1);
    }

    /** Appends lines to a run's metrics file as written, e.g. damaged ones. */
    public static void append(Path runDir, String text) throws IOException {
        Files.writeString(runDir.resolve(Trainer.METRICS_FILE), text, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** Sets every file under {@code dir} to have been last written {@code when}. */
    public static void age(Path dir, Instant when) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(when));
            }
        }
    }

    /** Every file under {@code dir} with its size, time and content hash, to show that nothing changed. */
    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(dir.relativize(p).toString(), Files.size(p) + " "
                            + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " "
                            + Arrays.hashCode(Files.readAllBytes(p)));
                } else {
                    files.put(dir.relativize(p) + "/", Files.isSymbolicLink(p) ? "link" : "dir");
                }
            }
        }
        return files;
    }
}
