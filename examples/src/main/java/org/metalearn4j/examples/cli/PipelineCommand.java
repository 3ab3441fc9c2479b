package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.metalearn4j.core.event.EventSubscription;
import org.metalearn4j.core.event.TypedEventBus;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.examples.runs.PipelineJournal;
import org.metalearn4j.examples.runs.PipelinePlan;
import org.metalearn4j.transfer.pipeline.Pipeline;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;
import org.metalearn4j.transfer.pipeline.PlannedStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metalearn pipeline}: validates a whole transfer / meta-learning pipeline before any stage trains, then runs
 * its stages in order, showing each stage's position, duration and progress on stderr, and prints one JSON line with
 * every stage's output kind and metrics. {@code --resume DIR} continues an interrupted run, reusing its finished
 * stages.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Runs a pipeline of stages (pretrain, finetune, multitask, zeroshot, instance-transfer, "
                + "distill, meta-train, evaluate, or any plugin stage) from a YAML file. Every stage name, stage "
                + "config, artifact kind and referenced file is checked, and every stage run for one step on its "
                + "data, before the first stage starts. Each stage writes its artifact with provenance into "
                + "RUN_DIR/<index>-<stage>/ and its events into RUN_DIR/pipeline.jsonl (which the dashboard reads); "
                + "stderr shows stage i/n, its progress bar and duration; stdout gets one JSON summary line.",
                "Ctrl-C stops at once and loses at most the stage that was running: --resume RUN_DIR reuses every "
                        + "finished stage whose artifact is intact and whose stage, config, seed and input are "
                        + "unchanged, and runs the rest."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn pipeline --out runs/zeroshot \\",
                "      examples/configs/pipelines/zeroshot-fashion-mnist.yaml",
                "  ./metalearn pipeline --check \\",
                "      examples/configs/pipelines/pretrain-protonet-fashion.yaml",
                "  ./metalearn pipeline --set stages.pretrain.config.iterations=500 \\",
                "      examples/configs/pipelines/pretrain-protonet-fashion.yaml",
                "  ./metalearn pipeline --resume runs/pretrain-protonet \\",
                "      examples/configs/pipelines/pretrain-protonet-fashion.yaml"})
final class PipelineCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "PIPELINE", description = "Pipeline YAML: {seed, input?, stages: [{stage, config}]}.")
    Path file;

    @Mixin
    RunOptions runOptions;

    @Mixin
    ConfigOverrides overrides;

    @Option(names = "--check", description = "Only validate the pipeline: every stage's config, then every stage run "
            + "for one step on its real data and on what the stages before it produce; train nothing.")
    boolean checkOnly;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "auto",
            description = "Backend: auto (default), cpu or cuda.")
    String backend;

    @Mixin
    PluginsDirOption plugins;

    @Mixin
    DashboardOption dashboard;

    PipelineCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Path runDir = runOptions.runDir("pipeline");
        try (Session session = Session.open(plugins.dir, console.err())) {
            try (Scope check = runOptions.numericsCheck()) {
                return run(session, runDir);
            } catch (RuntimeException e) {
                throw session.explain(e);
            }
        }
    }

    private int run(Session session, Path runDir) {
        PipelineValidator validator = new PipelineValidator(session.registry());
        Pipeline pipeline = validator.validate(PipelineSpecReader.read(file, overrides.values));
        BackendSelector.requireKnown(session.registry(), backend, null);
        ObjectNode json = ConfigMappers.plain().createObjectNode().put("pipeline", file.toString());
        ArrayNode stages = json.putArray("stages");
        if (checkOnly) {
            validator.dryRun(pipeline, file.toString());
            pipeline.stages().forEach(s -> stages.addObject().put("stage", s.label())
                    .put("produces", s.stage().produces().name()));
            console.out().println(json.put("valid", true));
            return 0;
        }
        BackendSelector.select(session.registry(), backend).activate();
        PipelineRunner.requireUsable(runDir, runOptions.resuming());
        console.err().println("checking every stage for one step on its data");
        validator.dryRun(pipeline, file.toString());
        TypedEventBus events = session.get(TypedEventBus.class);
        List<Artifact> artifacts;
        PipelinePlan plan = new PipelinePlan(file.toString(),
                pipeline.stages().stream().map(PlannedStage::label).toList(), runOptions.resuming());
        try (PipelineConsole progress = new PipelineConsole(console.err(),
                console.errIsTerminal() && runOptions.showProgress());
             EventSubscription shown = progress.subscribe(events);
             PipelineJournal.Subscribed journal = PipelineJournal.start(events, runDir, plan);
             DashboardOption.Served served = dashboard.start(session, runDir, false, console.err())) {
            console.err().println("run directory " + runDir + " (after Ctrl-C: --resume " + runDir + ")");
            if (pipeline.input() != null) {
                console.err().println("loading input artifact " + pipeline.input());
            }
            try {
                artifacts = new PipelineRunner(session.registry(), events).run(pipeline, runDir,
                        runOptions.resuming());
            } finally {
                // Every stage line is on stderr, and in the journal, before the summary or the error that follows.
                shown.drain(Duration.ofSeconds(30));
                journal.subscription().drain(Duration.ofSeconds(30));
            }
        }
        for (int i = 0; i < artifacts.size(); i++) {
            ObjectNode stage = stages.addObject().put("stage", pipeline.stages().get(i).label())
                    .put("produces", artifacts.get(i).kind().name());
            ObjectNode metrics = stage.putObject("metrics");
            artifacts.get(i).metrics().forEach((name, value) -> MetricValue.put(metrics, name, value));
        }
        console.out().println(json.put("run", runDir.toString()));
        return 0;
    }
}
