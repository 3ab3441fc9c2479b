package org.metalearn4j.examples.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.metalearn4j.examples.runs.JsonLinesReader;
import org.metalearn4j.examples.runs.PipelineRun;
import org.metalearn4j.examples.runs.TrainingRun;

/**
 * The runs the dashboard knows, each read on incrementally: {@link #refresh} finds new run directories and reads the
 * lines their files gained, and returns them for the live feed. A run trained by this process is {@linkplain
 * #follow followed}: its events come from the event bus instead of its file. Thread-safe: every method holds the
 * catalog's lock.
 */
final class RunCatalog {
    private final RunsRoot root;
    private final Map<String, TrainingRun> training = new TreeMap<>();
    private final Map<String, PipelineRun> pipelines = new TreeMap<>();

    RunCatalog(RunsRoot root) {
        this.root = root;
    }

    RunsRoot root() {
        return root;
    }

    /**
     * New lines of one run for the live feed.
     *
     * @param id        the run
     * @param pipeline  whether the lines are pipeline journal lines rather than training metrics
     * @param lines     the new lines
     * @param seq       how many lines the run has read in all, the last of {@code lines} included
     * @param restarted the run's file was replaced: the lines before these are gone
     */
    record Update(String id, boolean pipeline, List<ObjectNode> lines, int seq, boolean restarted) {
    }

    /** Finds runs created since the last call, forgets removed ones, and reads what every run's file gained. */
    synchronized List<Update> refresh() {
        Set<String> present = new HashSet<>();
        for (RunsRoot.Found f : root.discover()) {
            present.add(f.id());
            if (f.pipeline()) {
                pipelines.computeIfAbsent(f.id(), id -> new PipelineRun(f.dir()));
            } else {
                training.computeIfAbsent(f.id(), id -> new TrainingRun(f.dir()));
            }
        }
        training.keySet().removeIf(id -> !present.contains(id) && !training.get(id).live());
        pipelines.keySet().retainAll(present);
        List<Update> updates = new ArrayList<>();
        training.forEach((id, run) -> {
            if (!run.live()) {
                collect(updates, id, false, run.refresh(), run.lines().size());
            }
        });
        pipelines.forEach((id, run) -> collect(updates, id, true, run.refresh(), run.lines().size()));
        return updates;
    }

    private static void collect(List<Update> updates, String id, boolean pipeline, JsonLinesReader.Batch batch,
                                int seq) {
        if (!batch.lines().isEmpty() || batch.restarted()) {
            updates.add(new Update(id, pipeline, batch.lines().stream().map(JsonLinesReader.Line::json).toList(), seq,
                    batch.restarted()));
        }
    }

    /**
     * Starts following the training run in {@code dir}, which this process trains: what its metrics file holds now
     * (from an earlier process, when resuming) is read once, and later events come through {@link #append}.
     *
     * @return the run's id
     */
    synchronized String follow(Path dir) {
        String id = root.idOf(dir);
        TrainingRun run = new TrainingRun(dir);
        run.refresh();
        run.markLive();
        training.put(id, run);
        return id;
    }

    /** Adds an event of a followed run; returns the update to publish. */
    synchronized Update append(String id, JsonLinesReader.Line line) {
        TrainingRun run = training.get(id);
        run.add(line);
        return new Update(id, false, List.of(line.json()), run.lines().size(), false);
    }

    /** Every run's view made by {@code training} or {@code pipeline}, by id. */
    synchronized <T> List<T> each(BiFunction<String, TrainingRun, T> trainingView,
                                  BiFunction<String, PipelineRun, T> pipelineView) {
        Map<String, T> all = new TreeMap<>();
        training.forEach((id, run) -> all.put(id, trainingView.apply(id, run)));
        pipelines.forEach((id, run) -> all.put(id, pipelineView.apply(id, run)));
        return new ArrayList<>(all.values());
    }

    /**
     * The view of the run a browser names.
     *
     * @throws RunsRoot.BadRunId if the id is not acceptable or names no run
     */
    synchronized <T> T one(String id, BiFunction<String, TrainingRun, T> trainingView,
                           BiFunction<String, PipelineRun, T> pipelineView) {
        String key = root.idOf(root.resolve(id));
        if (training.containsKey(key)) {
            return trainingView.apply(key, training.get(key));
        }
        if (pipelines.containsKey(key)) {
            return pipelineView.apply(key, pipelines.get(key));
        }
        throw new RunsRoot.BadRunId("no run '" + id + "' in " + root.path());
    }

}
