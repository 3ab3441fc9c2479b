package org.metalearn4j.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.io.IoReason;

/**
 * Appends every training event to a JSON-lines file ({@code metrics.jsonl}), one object per line with an
 * {@code event} field ({@code started}, {@code step}, {@code eval}, {@code checkpoint}, {@code finished}). A resumed
 * run appends to the same file, so lines carry their iteration.
 */
public final class MetricsFileListener implements TrainingListener, AutoCloseable {
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private final Path file;
    private BufferedWriter out;
    private volatile IOException failure;

    /** The file (and its directory) is created on the first event, so a run that fails validation leaves nothing. */
    public MetricsFileListener(Path file) {
        this.file = file;
    }

    /** Writes a file, so it runs on a worker thread. */
    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void onStarted(RunStarted e) {
        write("started", e);
    }

    @Override
    public void onStep(StepEvent e) {
        write("step", e);
    }

    @Override
    public void onEval(EvalEvent e) {
        write("eval", e);
    }

    @Override
    public void onCheckpoint(CheckpointEvent e) {
        write("checkpoint", e);
    }

    @Override
    public void onFinished(RunFinished e) {
        write("finished", e);
    }

    /**
     * Flushed per line so that {@code tail -f metrics.jsonl} follows a run live; a step takes far longer. The first
     * failure is kept for {@link #failure()} and ends the writing: the bus would otherwise log one stack trace per
     * event of a run that goes on writing checkpoints to a full disk.
     */
    private void write(String kind, Record event) {
        if (failure != null) {
            return;
        }
        ObjectNode node = JSON.createObjectNode().put("event", kind);
        node.setAll((ObjectNode) JSON.valueToTree(event));
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            out.write(node.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            failure = e;
            closeQuietly();
        }
    }

    /**
     * Why writing stopped, as one line naming the file and the reason
     * ({@code cannot write metrics file runs/x/metrics.jsonl: No space left on device}); empty while every event
     * was written. A trainer polls it to stop the run instead of training on without a record.
     */
    public Optional<String> failure() {
        IOException e = failure;
        return e == null ? Optional.empty() : Optional.of(IoReason.describe("cannot write metrics file", file, e));
    }

    /** Closes the file; a failure to flush its last line is kept for {@link #failure()}, never thrown. */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            out = null;
        }
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // The write failure already recorded is the one to report.
        } finally {
            out = null;
        }
    }
}
