package org.metalearn4j.examples.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.event.CheckpointEvent;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.event.TrainingEventBus;

/**
 * A training run's events in the order they happened, as the run stands now. A resumed run appends to the same
 * {@code metrics.jsonl}: its {@code started} event says where it continued, and the steps, evaluations and checkpoints
 * recorded after that point by the interrupted process are dropped, since the resumed process redoes them. Not
 * thread-safe.
 */
public final class TrainingHistory {
    /** The {@code event} values of {@code metrics.jsonl} lines with their records. */
    public static final Map<String, Class<? extends Record>> KINDS = kinds();

    private final List<StepEvent> steps = new ArrayList<>();
    private final List<EvalEvent> evals = new ArrayList<>();
    private final List<CheckpointEvent> checkpoints = new ArrayList<>();
    private RunStarted started;
    private RunFinished finished;

    /** Adds the next event; events of other types are ignored. */
    public void add(Record event) {
        if (event instanceof RunStarted e) {
            started = e;
            finished = null;
            steps.removeIf(s -> s.iteration() > e.startIteration());
            evals.removeIf(s -> s.iteration() > e.startIteration());
            checkpoints.removeIf(s -> s.iteration() > e.startIteration());
        } else if (event instanceof StepEvent e) {
            steps.add(e);
        } else if (event instanceof EvalEvent e) {
            evals.add(e);
        } else if (event instanceof CheckpointEvent e) {
            checkpoints.add(e);
        } else if (event instanceof RunFinished e) {
            finished = e;
        }
    }

    /** Forgets everything, e.g. when the file was replaced. */
    public void clear() {
        steps.clear();
        evals.clear();
        checkpoints.clear();
        started = null;
        finished = null;
    }

    /** The steps in iteration order. */
    public List<StepEvent> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** The evaluations in the order they were taken. */
    public List<EvalEvent> evals() {
        return Collections.unmodifiableList(evals);
    }

    /** The checkpoints written, oldest first. */
    public List<CheckpointEvent> checkpoints() {
        return Collections.unmodifiableList(checkpoints);
    }

    /** The latest start (or resume), or null if none was recorded. */
    public RunStarted started() {
        return started;
    }

    /** The end of the latest start, or null while it runs or if it stopped without one. */
    public RunFinished finished() {
        return finished;
    }

    /** The latest step, or null. */
    public StepEvent lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /** The latest evaluation, or null. */
    public EvalEvent lastEval() {
        return evals.isEmpty() ? null : evals.get(evals.size() - 1);
    }

    /** {@code accuracy} or {@code mse}, from the latest step or evaluation; null before either. */
    public String metricName() {
        if (!steps.isEmpty()) {
            return lastStep().metricName();
        }
        return evals.isEmpty() ? null : lastEval().metricName();
    }

    private static Map<String, Class<? extends Record>> kinds() {
        Map<String, Class<? extends Record>> kinds = new LinkedHashMap<>();
        for (EventType<?> type : TrainingEventBus.TYPES) {
            kinds.put(EventLine.kind(type), type.type());
        }
        return Collections.unmodifiableMap(kinds);
    }
}
