package org.metalearn4j.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.examples.runs.CheckpointProvenance;
import org.metalearn4j.examples.runs.PipelineRun;
import org.metalearn4j.examples.runs.PipelineStageState;
import org.metalearn4j.examples.runs.RunFiles;
import org.metalearn4j.examples.runs.RunStatus;
import org.metalearn4j.examples.runs.TrainingHistory;
import org.metalearn4j.examples.runs.TrainingRun;
import org.metalearn4j.transfer.pipeline.ArtifactFiles;

/**
 * The dashboard's JSON: {@code /api/runs} lists every run with its status and latest values, {@code /api/run?id=}
 * gives one run's whole record (every metrics line or pipeline stage, config, provenance) and the {@code seq} that
 * the live feed continues from. Values that are not finite numbers are sent as {@code null}. Answers are computed on
 * a worker thread: they read files.
 */
final class RunsApi {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final int CACHED_FILES = 64;

    private final RunCatalog catalog;
    /** Checkpoints and artifacts are read whole to verify them; each one once, keyed by path, size and time. */
    private final Map<String, ObjectNode> savedFiles = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > CACHED_FILES;
        }
    };

    RunsApi(RunCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code GET /api/runs}. */
    void runs(RoutingContext ctx) {
        Instant now = Instant.now();
        ObjectNode body = JSON.createObjectNode().put("runsDir", catalog.root().path().toString())
                .put("now", now.toString());
        ArrayNode problems = body.putArray("problems");
        if (!catalog.root().exists()) {
            problems.add("the runs directory " + catalog.root().path() + " no longer exists");
        }
        ArrayNode runs = body.putArray("runs");
        catalog.each((id, run) -> trainingSummary(id, run, now), (id, run) -> pipelineSummary(id, run, now))
                .forEach(runs::add);
        send(ctx, 200, body);
    }

    /** {@code GET /api/run?id=RUN}. */
    void run(RoutingContext ctx) {
        Instant now = Instant.now();
        String id = ctx.request().getParam("id");
        ObjectNode body;
        try {
            body = catalog.one(id, (key, run) -> {
                ObjectNode b = trainingSummary(key, run, now);
                RunFiles.JsonFile config = run.config();
                b.set("config", config.json());
                b.put("configProblem", config.problem());
                b.set("lines", JSON.valueToTree(run.lines()));
                b.put("seq", run.lines().size());
                return b;
            }, (key, run) -> {
                ObjectNode b = pipelineSummary(key, run, now);
                b.set("stageList", JSON.valueToTree(run.stages(isRunning(b))));
                b.put("seq", run.lines().size());
                return b;
            });
        } catch (RunsRoot.BadRunId e) {
            send(ctx, 404, JSON.createObjectNode().put("error", e.getMessage()));
            return;
        }
        Path dir = Path.of(body.get("dir").asText());
        if (body.get("kind").asText().equals("training")) {
            body.set("provenance", provenance(dir));
        } else {
            for (JsonNode stage : body.get("stageList")) {
                JsonNode artifact = stage.get("artifact");
                if (artifact != null && artifact.isTextual()) {
                    ((ObjectNode) stage).set("saved", artifact(Path.of(artifact.asText())));
                }
            }
        }
        send(ctx, 200, body);
    }

    private ObjectNode trainingSummary(String id, TrainingRun run, Instant now) {
        JsonNode config = run.config().json();
        TrainingHistory h = run.history();
        RunStatus.Reading status = run.status(now);
        ObjectNode s = JSON.createObjectNode().put("id", id).put("kind", "training").put("dir", run.dir().toString())
                .put("learner", run.learner(config)).put("dataset", run.dataset(config))
                .put("status", status.status().label()).put("note", status.note())
                .put("metricName", h.metricName()).put("live", run.live());
        StepEvent step = h.lastStep();
        s.put("iteration", step == null ? 0 : step.iteration());
        Integer iterations = step != null ? Integer.valueOf(step.iterations())
                : h.started() != null ? Integer.valueOf(h.started().iterations())
                : config != null && config.path("train").path("iterations").isInt()
                ? Integer.valueOf(config.path("train").path("iterations").asInt()) : null;
        s.put("iterations", iterations);
        number(s, "loss", step == null ? Double.NaN : step.loss());
        number(s, "metric", step == null ? Double.NaN : step.metric());
        EvalEvent eval = h.lastEval();
        if (eval != null) {
            ObjectNode e = s.putObject("eval").put("iteration", eval.iteration()).put("split", eval.split())
                    .put("episodes", eval.episodes());
            number(e, "value", eval.value());
            number(e, "ci95", eval.ci95());
        }
        timestamp(s, run.lastWrite());
        s.set("problems", JSON.valueToTree(run.problems()));
        return s;
    }

    private ObjectNode pipelineSummary(String id, PipelineRun run, Instant now) {
        RunStatus.Reading status = run.status(now);
        List<PipelineStageState> stages = run.stages(status.status() == RunStatus.RUNNING);
        ObjectNode s = JSON.createObjectNode().put("id", id).put("kind", "pipeline").put("dir", run.dir().toString())
                .put("pipeline", run.plan() == null ? null : run.plan().pipeline())
                .put("status", status.status().label()).put("note", status.note())
                .put("stages", run.plan() == null ? stages.size() : run.plan().stages().size())
                .put("stagesDone", stages.stream().filter(st -> st.state().equals("done")
                        || st.state().equals("reused")).count());
        stages.stream().filter(st -> st.state().equals("running") || st.state().equals("stopped")).findFirst()
                .ifPresent(st -> s.putObject("current").put("label", st.label()).put("state", st.state())
                        .put("done", st.done()).put("total", st.total())
                        .set("metrics", finite(st.metrics())));
        timestamp(s, run.lastWrite());
        s.set("problems", JSON.valueToTree(run.problems()));
        return s;
    }

    private ObjectNode provenance(Path runDir) {
        return cached(runDir.resolve("checkpoints"), dir -> {
            CheckpointProvenance p = CheckpointProvenance.newest(runDir);
            ObjectNode node = JSON.createObjectNode();
            node.put("file", p.file() == null ? null : p.file().toString());
            node.set("record", p.provenance() == null ? null : JSON.valueToTree(p.provenance()));
            node.set("problems", JSON.valueToTree(p.problems()));
            return node;
        });
    }

    private ObjectNode artifact(Path file) {
        return cached(file, f -> {
            ObjectNode node = JSON.createObjectNode();
            if (!RunFiles.isPlainFile(f)) {
                return node.put("problem", f + " is not a regular file: not read");
            }
            try {
                Artifact a = ArtifactFiles.read(f);
                node.put("kind", a.kind().name()).set("metrics", finite(a.metrics()));
                node.set("provenance", JSON.valueToTree(a.provenance()));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                node.put("problem", e.getMessage());
            }
            return node;
        });
    }

    /** A file's view, recomputed when the file (or, for a directory, its newest entry) changes. */
    private ObjectNode cached(Path path, Function<Path, ObjectNode> read) {
        Instant modified = RunFiles.lastModified(path);
        String key = path + "@" + modified + "/" + newestEntry(path);
        synchronized (savedFiles) {
            ObjectNode hit = savedFiles.get(key);
            if (hit != null) {
                return hit;
            }
        }
        ObjectNode value = read.apply(path);
        synchronized (savedFiles) {
            savedFiles.put(key, value);
        }
        return value;
    }

    private static String newestEntry(Path path) {
        if (!RunFiles.isPlainDirectory(path)) {
            return "";
        }
        try (var entries = Files.list(path)) {
            return entries.map(p -> p.getFileName() + ":" + RunFiles.lastModified(p)).sorted()
                    .reduce("", (a, b) -> b);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isRunning(ObjectNode summary) {
        return summary.get("status").asText().equals(RunStatus.RUNNING.label());
    }

    private static ObjectNode finite(Map<String, Double> metrics) {
        ObjectNode node = JSON.createObjectNode();
        metrics.forEach((k, v) -> number(node, k, v));
        return node;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static void timestamp(ObjectNode node, Instant when) {
        node.put("updated", when == null ? null : when.toString());
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }
}
