package org.metalearn4j.examples.runs;

import java.util.Locale;

/** Where a run stands, as the dashboard shows it. */
public enum RunStatus {
    /** Its process is writing events, or wrote one recently. */
    RUNNING,
    /** It did all it was to do. */
    FINISHED,
    /** It stopped early: on request (Ctrl-C, with a checkpoint to resume from), or its process died. */
    INTERRUPTED;

    /** The lower-case name the page and JSON use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A status with the sentence that explains it.
     *
     * @param note why the run has this status, for a person; empty when there is nothing to add
     */
    public record Reading(RunStatus status, String note) {
    }
}
