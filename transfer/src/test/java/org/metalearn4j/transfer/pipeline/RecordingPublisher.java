package org.metalearn4j.transfer.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.event.ResumeStopped;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageLoading;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageReused;
import org.metalearn4j.core.event.StageStarted;

/**
 * Records the pipeline events a run published, one line per event, e.g. {@code started 1-add 2/3},
 * {@code progress 1-add 4/5}.
 */
public final class RecordingPublisher implements EventPublisher {
    /** Every event in order. */
    public final List<String> events = new ArrayList<>();
    /** The reasons given for each stage that a resumed run could not reuse. */
    public final List<String> reasons = new ArrayList<>();
    /** The metrics of every progress report, in order. */
    public final List<Map<String, Double>> metrics = new ArrayList<>();

    @Override
    public void publish(Record event) {
        if (event instanceof StageReused e) {
            events.add("reused " + position(e.stage()));
        } else if (event instanceof ResumeStopped e) {
            events.add("reruns " + e.stage().label());
            reasons.add(e.reason());
        } else if (event instanceof StageStarted e) {
            events.add("started " + position(e.stage()));
        } else if (event instanceof StageLoading e) {
            events.add("loading " + e.stage().label() + " " + e.what());
        } else if (event instanceof StageProgressEvent e) {
            events.add("progress " + e.stage().label() + " " + e.done() + "/" + e.total());
            metrics.add(e.metrics());
        } else if (event instanceof StageFinished e) {
            events.add("finished " + position(e.stage()));
        } else {
            throw new AssertionError("not a pipeline event: " + event);
        }
    }

    private static String position(StagePosition stage) {
        return stage.label() + " " + (stage.index() + 1) + "/" + stage.stages();
    }

    /** The progress events of one stage, e.g. {@code [1/5, 2/5, ...]}. */
    public List<String> progressOf(String label) {
        String prefix = "progress " + label + " ";
        return events.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length())).toList();
    }
}
