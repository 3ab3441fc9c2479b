package org.metalearn4j.core.train;

/**
 * Where an evaluation reports how far it has got, for a progress bar with an ETA. Called on the evaluating thread,
 * in phases: an evaluation that embeds a split's examples once reports {@link #EMBED} (examples embedded) before
 * {@link #EPISODES} (episodes scored); any other reports episodes only.
 */
@FunctionalInterface
public interface EvalProgress {
    /** The phase in which each example that the episodes use is embedded once; units are examples. */
    String EMBED = "embed";
    /** The phase in which the episodes are scored; units are episodes. */
    String EPISODES = "episodes";

    /** Ignores every report. */
    EvalProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase {@link #EMBED} or {@link #EPISODES}
     * @param done  units of the phase finished so far, up to {@code total}
     * @param total units of the phase in all; the same in every call of one phase
     */
    void report(String phase, long done, long total);
}
