package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One task's progress on stderr. On a terminal it is a bar redrawn in place; anywhere else (a log file, a pipe) and
 * with {@code --no-progress} it is a heartbeat: one plain line at each tenth of the task and at least once a
 * {@linkplain #HEARTBEAT minute}, so a log never holds carriage-return frames and a long run is never silent. Public
 * for the example applications, which show their long loops the way the CLI does ({@link #onStderr}).
 */
public final class Progress implements AutoCloseable {
    /** The longest time between two heartbeat lines while the task advances or its message changes. */
    static final Duration HEARTBEAT = Duration.ofMinutes(1);
    private static final int WIDTH = 110;

    private final PrintStream err;
    private final String task;
    private final long max;
    private final long start;
    private final LongSupplier nanoTime;
    private final ProgressBar bar;
    private final long startNanos;
    private long done;
    private String message = "";
    private long lastLineNanos;
    private long lastLineTenth;
    private long lastLineDone = -1;

    private Progress(PrintStream err, String task, long max, long start, boolean redraw, LongSupplier nanoTime) {
        this.err = err;
        this.task = task;
        this.max = max;
        this.start = start;
        this.done = start;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.lastLineNanos = startNanos;
        this.lastLineTenth = tenth(start);
        this.bar = redraw ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
                .build() : null;
    }

    /**
     * Starts showing {@code task}, {@code start} of {@code max} done.
     *
     * @param redraw a bar redrawn in place (stderr is a terminal and progress bars are wanted), else heartbeat lines
     */
    static Progress start(PrintStream err, String task, long max, long start, boolean redraw) {
        return new Progress(err, task, max, start, redraw, System::nanoTime);
    }

    /**
     * Starts showing {@code task} on this process's stderr, none of {@code max} done: a bar where stderr is a terminal
     * (as the {@code metalearn} launcher tells, else {@link System#console()}), heartbeat lines elsewhere.
     */
    public static Progress onStderr(String task, long max) {
        return start(System.err, task, max, 0, Console.system().errIsTerminal());
    }

    /** As {@link #start} without a bar, its clock {@code nanoTime}: for tests of the heartbeat. */
    static Progress heartbeat(PrintStream err, String task, long max, long start, LongSupplier nanoTime) {
        return new Progress(err, task, max, start, false, nanoTime);
    }

    /** Shows {@code value} of the task's {@code max} done. */
    public void stepTo(long value) {
        done = value;
        if (bar != null) {
            bar.stepTo(value);
        } else if (tenth(value) > lastLineTenth || value >= max && lastLineDone < max) {
            line();
        } else {
            lineIfQuiet();
        }
    }

    /** The text after the counts, e.g. {@code " loss 0.1234 acc 0.870"}. */
    public void setExtraMessage(String text) {
        message = text;
        if (bar != null) {
            bar.setExtraMessage(text);
        } else {
            lineIfQuiet();
        }
    }

    /** Stops the bar (drawn once more, complete) or ends the heartbeat with a line for the last value shown. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (lastLineDone != done) {
            line();
        }
    }

    private void lineIfQuiet() {
        if (nanoTime.getAsLong() - lastLineNanos >= HEARTBEAT.toNanos()) {
            line();
        }
    }

    private void line() {
        long now = nanoTime.getAsLong();
        double elapsed = (now - startNanos) / 1e9;
        long advanced = done - start;
        String eta = advanced > 0 && done < max ? ", ETA " + clock(elapsed * (max - done) / advanced) : "";
        err.printf(Locale.ROOT, "%s %d%% %d/%d (%s%s)%s%n", task, max == 0 ? 100 : done * 100 / max, done, max,
                clock(elapsed), eta, message);
        lastLineNanos = now;
        lastLineTenth = tenth(done);
        lastLineDone = done;
    }

    private long tenth(long value) {
        return max == 0 ? 10 : value * 10 / max;
    }

    /** {@code h:mm:ss}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
