package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.train.Trainer;

/**
 * A training run directory ({@code metalearn train}'s {@code --out}), read while it is written or after: its
 * {@code config.json} and its {@code metrics.jsonl}, which {@link #refresh} reads on from where it stopped. Not
 * thread-safe.
 */
public final class TrainingRun {
    /**
     * How long a run may write no event before it counts as stopped when its last line is not {@code finished}: at
     * least this, or 20 times its slowest recent step, so that a long evaluation does not look like a crash.
     */
    static final Duration QUIET = Duration.ofMinutes(5);

    private final Path dir;
    private final JsonLinesReader metrics;
    private final TrainingHistory history = new TrainingHistory();
    private final List<ObjectNode> lines = new ArrayList<>();
    private boolean live;

    /** The run in {@code dir}; nothing is read before {@link #refresh}. */
    public TrainingRun(Path dir) {
        this.dir = dir;
        this.metrics = new JsonLinesReader(dir.resolve(Trainer.METRICS_FILE), TrainingHistory.KINDS);
    }

    /** Reads the whole run once, e.g. for a plot. */
    public static TrainingRun read(Path dir) {
        TrainingRun run = new TrainingRun(dir);
        run.refresh();
        return run;
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }

    /** Reads the lines added to {@code metrics.jsonl} since the last call. */
    public JsonLinesReader.Batch refresh() {
        JsonLinesReader.Batch batch = metrics.poll();
        if (batch.restarted()) {
            history.clear();
            lines.clear();
        }
        batch.lines().forEach(this::add);
        return batch;
    }

    /**
     * Adds an event that did not come from the file: the training process publishes it on the event bus while the
     * file listener writes the same line.
     */
    public void add(JsonLinesReader.Line line) {
        history.add(line.event());
        lines.add(line.json());
    }

    /**
     * Marks the run as trained by this process: it is running until its {@code finished} event, however long it
     * writes nothing.
     */
    public void markLive() {
        live = true;
    }

    /** Whether {@link #markLive} was called. */
    public boolean live() {
        return live;
    }

    /** The run's events as it stands now. */
    public TrainingHistory history() {
        return history;
    }

    /** Every valid line read so far, as written, in file order. */
    public List<ObjectNode> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** {@code config.json}, read now. */
    public RunFiles.JsonFile config() {
        return RunFiles.readJson(dir.resolve(Trainer.CONFIG_FILE));
    }

    /** The learner's name: from {@code config.json}, else from the started event, else null. */
    public String learner(JsonNode config) {
        return name(config, "learner", history.started() == null ? null : history.started().learner());
    }

    /** The data set's name, found as {@link #learner} is. */
    public String dataset(JsonNode config) {
        return name(config, "dataset", history.started() == null ? null : history.started().dataset());
    }

    /** What is wrong with the metrics file so far (see {@link JsonLinesReader#problems}). */
    public List<String> problems() {
        List<String> all = new ArrayList<>(metrics.problems());
        if (!RunFiles.isPlainFile(metrics.file()) && lines.isEmpty() && !live) {
            all.add("no " + Trainer.METRICS_FILE + " in " + dir + ": the run wrote no event");
        }
        return all;
    }

    /** When the run last wrote its metrics or config, or null if it has neither. */
    public Instant lastWrite() {
        return RunFiles.lastModified(List.of(metrics.file(), dir.resolve(Trainer.CONFIG_FILE)));
    }

    /** Where the run stands at {@code now}. */
    public RunStatus.Reading status(Instant now) {
        RunFinished finished = history.finished();
        if (finished != null) {
            return finished.interrupted()
                    ? new RunStatus.Reading(RunStatus.INTERRUPTED, "stopped on request after " + finished.iteration()
                            + " of " + finished.iterations() + " iterations; continue with metalearn train CONFIG "
                            + "--resume " + dir)
                    : new RunStatus.Reading(RunStatus.FINISHED, "");
        }
        if (live) {
            return new RunStatus.Reading(RunStatus.RUNNING, "");
        }
        Instant last = lastWrite();
        Duration quiet = quietLimit();
        if (last != null && Duration.between(last, now).compareTo(quiet) <= 0) {
            return new RunStatus.Reading(RunStatus.RUNNING, "");
        }
        String since = last == null ? "it wrote nothing"
                : "nothing was written for " + minutes(Duration.between(last, now));
        StepEvent step = history.lastStep();
        RunStarted started = history.started();
        String where = step != null ? " after " + step.iteration() + " of " + step.iterations() + " iterations"
                : started != null ? " before its first step" : "";
        return new RunStatus.Reading(RunStatus.INTERRUPTED, "stopped" + where + " without a 'finished' event ("
                + since + "): its process was killed or failed");
    }

    private Duration quietLimit() {
        List<StepEvent> steps = history.steps();
        double slowest = 0;
        for (int i = Math.max(0, steps.size() - 20); i < steps.size(); i++) {
            slowest = Math.max(slowest, steps.get(i).stepSeconds());
        }
        Duration byStep = Duration.ofMillis((long) (20_000 * slowest));
        return byStep.compareTo(QUIET) > 0 ? byStep : QUIET;
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 120 ? m + " min" : String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }

    private static String name(JsonNode config, String section, String fallback) {
        JsonNode name = config == null ? null : config.path(section).get("name");
        return name != null && name.isTextual() ? name.asText() : fallback;
    }
}
