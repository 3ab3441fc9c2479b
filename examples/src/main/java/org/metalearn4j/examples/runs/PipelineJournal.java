package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.event.EventSubscription;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.PipelineEvents;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.TypedEventBus;

/**
 * Appends a pipeline run's events to {@code RUN_DIR/pipeline.jsonl}, as {@code metrics.jsonl} records a training run,
 * so that the dashboard shows the stages and their progress of a pipeline it did not start. The first line of each
 * process is its {@link PipelinePlan}; stage progress is written at most once a second per stage (and always when a
 * stage reaches its total), since a stage may report thousands of steps.
 */
public final class PipelineJournal implements AutoCloseable {
    /** The file's name inside the pipeline's run directory. */
    public static final String FILE = "pipeline.jsonl";
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private final Path file;
    private final PipelinePlan plan;
    private final Map<Integer, Long> lastProgress = new HashMap<>();
    private BufferedWriter out;

    private PipelineJournal(Path file, PipelinePlan plan) {
        this.file = file;
        this.plan = plan;
    }

    /**
     * Writes every pipeline event published on {@code events}, after {@code plan}, until the returned subscription is
     * closed. Nothing is written before the first event, so a run the runner refuses leaves the directory as it was.
     * Writes happen on a worker thread, in publication order; call {@link EventSubscription#drain} before reading the
     * file.
     */
    public static Subscribed start(TypedEventBus events, Path runDir, PipelinePlan plan) {
        PipelineJournal journal = new PipelineJournal(runDir.resolve(FILE), plan);
        TypedEventBus.Subscriber subscriber = events.subscriber(PipelineJournal.class.getName()).blocking(true);
        for (EventType<?> type : PipelineEvents.TYPES) {
            route(subscriber, type, journal);
        }
        return new Subscribed(journal, subscriber.subscribe());
    }

    /** The journal with its subscription; closing it stops the subscription, then closes the file. */
    public record Subscribed(PipelineJournal journal, EventSubscription subscription) implements AutoCloseable {
        @Override
        public void close() {
            try {
                subscription.close();
            } finally {
                journal.close();
            }
        }
    }

    private static <T extends Record> void route(TypedEventBus.Subscriber subscriber, EventType<T> type,
                                                 PipelineJournal journal) {
        subscriber.on(type.type(), e -> journal.record(type, e));
    }

    private void record(EventType<?> type, Record event) {
        if (event instanceof StageProgressEvent p && p.done() < p.total()) {
            long now = System.nanoTime();
            Long last = lastProgress.get(p.stage().index());
            if (last != null && now - last < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastProgress.put(p.stage().index(), now);
        }
        write(EventLine.of(type, event));
    }

    /** Flushed per line, so that a reader sees each event as soon as it happens. */
    private void write(ObjectNode line) {
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                ObjectNode first = JSON.createObjectNode().put("event", PipelinePlan.KIND);
                first.setAll((ObjectNode) JSON.valueToTree(plan));
                out.write(first.toString());
                out.newLine();
            }
            out.write(line.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pipeline journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close pipeline journal " + file + ": " + e.getMessage(), e);
        }
    }
}
