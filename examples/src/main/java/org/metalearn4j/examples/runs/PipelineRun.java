package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.PipelineEvents;
import org.metalearn4j.core.event.ResumeStopped;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageReused;
import org.metalearn4j.core.event.StageStarted;
import org.metalearn4j.transfer.pipeline.PipelineRunner;

/**
 * A pipeline run directory ({@code metalearn pipeline}'s {@code --out}): its stage directories
 * {@code <index>-<stage>/} with their saved {@code artifact.bin}, and its {@link PipelineJournal}, which
 * {@link #refresh} reads on from where it stopped. A directory from before the journal existed still shows the
 * stages whose artifacts are saved. Not thread-safe.
 */
public final class PipelineRun {
    /** The {@code event} values of {@code pipeline.jsonl} lines with their records. */
    public static final Map<String, Class<? extends Record>> KINDS = kinds();
    private static final Pattern STAGE_DIR = Pattern.compile("(\\d{1,4})-([A-Za-z0-9][A-Za-z0-9._-]*)");

    private final Path dir;
    private final JsonLinesReader journal;
    private final Map<Integer, PipelineStageState> stages = new TreeMap<>();
    private final List<ObjectNode> lines = new ArrayList<>();
    private PipelinePlan plan;

    /** The run in {@code dir}; nothing is read before {@link #refresh}. */
    public PipelineRun(Path dir) {
        this.dir = dir;
        this.journal = new JsonLinesReader(dir.resolve(PipelineJournal.FILE), KINDS);
    }

    /** Whether {@code dir} looks like a pipeline run: it has a journal or a stage directory with an artifact. */
    public static boolean isPipelineRun(Path dir) {
        return RunFiles.isPlainFile(dir.resolve(PipelineJournal.FILE)) || !savedStages(dir).isEmpty();
    }

    /** The run directory. */
    public Path dir() {
        return dir;
    }

    /** Reads the lines added to the journal since the last call. */
    public JsonLinesReader.Batch refresh() {
        JsonLinesReader.Batch batch = journal.poll();
        if (batch.restarted()) {
            stages.clear();
            lines.clear();
            plan = null;
        }
        batch.lines().forEach(this::add);
        return batch;
    }

    /** Every valid journal line read so far, in file order. */
    public List<ObjectNode> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** The latest process's plan, or null for a run without a journal. */
    public PipelinePlan plan() {
        return plan;
    }

    private void add(JsonLinesReader.Line line) {
        lines.add(line.json());
        Record event = line.event();
        if (event instanceof PipelinePlan p) {
            plan = p;
            stages.clear();
            for (int i = 0; i < p.stages().size(); i++) {
                String label = p.stages().get(i);
                String name = label.startsWith(i + "-") ? label.substring((i + "-").length()) : label;
                stages.put(i, new PipelineStageState(i, name, "pending", 0, 0, Map.of(), Double.NaN, null, null));
            }
        } else if (event instanceof StageReused e) {
            update(e.stage(), s -> s.with("reused", s.done(), s.total(), s.metrics(), s.seconds(), e.artifact(),
                    s.note()));
        } else if (event instanceof ResumeStopped e) {
            update(e.stage(), s -> s.with(s.state(), s.done(), s.total(), s.metrics(), s.seconds(), s.artifact(),
                    e.reason()));
        } else if (event instanceof StageStarted e) {
            update(e.stage(), s -> s.with("running", 0, 0, Map.of(), Double.NaN, null, s.note()));
        } else if (event instanceof StageProgressEvent e) {
            update(e.stage(), s -> s.with("running", e.done(), e.total(), e.metrics().isEmpty() ? s.metrics()
                    : e.metrics(), s.seconds(), s.artifact(), s.note()));
        } else if (event instanceof StageFinished e) {
            update(e.stage(), s -> s.with("done", s.total() > 0 ? s.total() : s.done(), s.total(), e.metrics(),
                    e.seconds(), e.artifact(), s.note()));
        }
    }

    private void update(StagePosition at, UnaryOperator<PipelineStageState> change) {
        PipelineStageState old = stages.getOrDefault(at.index(),
                new PipelineStageState(at.index(), at.name(), "pending", 0, 0, Map.of(), Double.NaN, null, null));
        stages.put(at.index(), change.apply(old));
    }

    /**
     * Every stage known: from the journal's plan and events, and from the stage directories holding an artifact.
     * Stages that were running when the pipeline stopped are {@code stopped} unless {@code running}.
     */
    public List<PipelineStageState> stages(boolean running) {
        Map<Integer, PipelineStageState> all = new TreeMap<>(stages);
        for (Map.Entry<Integer, String> saved : savedStages(dir).entrySet()) {
            PipelineStageState s = all.get(saved.getKey());
            if (s == null || s.state().equals("pending")) {
                all.put(saved.getKey(), new PipelineStageState(saved.getKey(), saved.getValue(), "done", 0, 0,
                        s == null ? Map.of() : s.metrics(), Double.NaN, stageDir(saved.getKey(), saved.getValue())
                        .resolve(PipelineRunner.ARTIFACT_FILE).toString(), null));
            }
        }
        List<PipelineStageState> list = new ArrayList<>();
        for (PipelineStageState s : all.values()) {
            list.add(!running && s.state().equals("running")
                    ? s.with("stopped", s.done(), s.total(), s.metrics(), s.seconds(), s.artifact(), s.note()) : s);
        }
        return list;
    }

    /** The directory of stage {@code index}. */
    public Path stageDir(int index, String name) {
        return dir.resolve(index + "-" + name);
    }

    /** What is wrong with the journal so far. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(journal.problems());
        if (!RunFiles.isPlainFile(journal.file())) {
            all.add("no " + PipelineJournal.FILE + " in " + dir + " (written by metalearn pipeline since the "
                    + "dashboard exists): only stages with a saved artifact are shown");
        }
        return all;
    }

    /** Where the run stands at {@code now}. */
    public RunStatus.Reading status(Instant now) {
        List<PipelineStageState> known = stages(true);
        boolean allDone = !known.isEmpty() && known.stream().allMatch(s -> s.state().equals("done")
                || s.state().equals("reused"));
        if (allDone && (plan == null || known.size() == plan.stages().size())) {
            return new RunStatus.Reading(RunStatus.FINISHED, "");
        }
        Instant last = lastWrite();
        if (last != null && Duration.between(last, now).compareTo(TrainingRun.QUIET) <= 0) {
            return new RunStatus.Reading(RunStatus.RUNNING, "");
        }
        long done = known.stream().filter(s -> s.state().equals("done") || s.state().equals("reused")).count();
        return new RunStatus.Reading(RunStatus.INTERRUPTED, "stopped with " + done + " of "
                + (plan == null ? "?" : plan.stages().size()) + " stages saved; continue with metalearn pipeline "
                + "PIPELINE --resume " + dir);
    }

    /** When the journal or a stage directory last changed. */
    public Instant lastWrite() {
        List<Path> paths = new ArrayList<>();
        paths.add(journal.file());
        stages.values().forEach(s -> paths.add(stageDir(s.index(), s.name())));
        return RunFiles.lastModified(paths);
    }

    /** Stage directories that hold an artifact, by index, with the stage's name. */
    private static Map<Integer, String> savedStages(Path dir) {
        Map<Integer, String> saved = new LinkedHashMap<>();
        if (!RunFiles.isPlainDirectory(dir)) {
            return saved;
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.sorted().forEach(child -> {
                Matcher m = STAGE_DIR.matcher(child.getFileName().toString());
                if (m.matches() && RunFiles.isPlainDirectory(child)
                        && RunFiles.isPlainFile(child.resolve(PipelineRunner.ARTIFACT_FILE))) {
                    saved.put(Integer.parseInt(m.group(1)), m.group(2));
                }
            });
        } catch (IOException e) {
            return saved;
        }
        return saved;
    }

    private static Map<String, Class<? extends Record>> kinds() {
        Map<String, Class<? extends Record>> kinds = new LinkedHashMap<>();
        kinds.put(PipelinePlan.KIND, PipelinePlan.class);
        for (EventType<?> type : PipelineEvents.TYPES) {
            kinds.put(EventLine.kind(type), type.type());
        }
        return Collections.unmodifiableMap(kinds);
    }
}
