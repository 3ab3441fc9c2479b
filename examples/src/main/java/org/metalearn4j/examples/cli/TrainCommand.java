package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metalearn4j.cluster.ClusterConfig;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.ConsoleSummaryListener;
import org.metalearn4j.core.event.MetricsFileListener;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.plugin.BackendSelector;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.core.train.TrainingFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metalearn train}: meta-trains as a config says, with checkpoints, metrics and a progress bar. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Meta-trains the learner on the data set that a config file names. It writes config.json, "
                + "metrics.jsonl and checkpoints/ into the run directory, shows a progress bar on stderr and ends "
                + "with one JSON summary line on stdout. Ctrl-C finishes the current step and writes a checkpoint.",
                "With a cluster: section, --cluster or --local-workers N, the tasks of each meta-batch are computed "
                        + "by worker processes (metalearn worker) and applied here in task order.",
                "Defaults of every key: metalearn config --defaults"},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn train examples/configs/omniglot-protonet.yaml \\",
                "      --set train.iterations=500 --out runs/proto",
                "  ./metalearn train examples/configs/omniglot-protonet.yaml --resume runs/proto",
                "  ./metalearn train examples/configs/omniglot-maml.yaml --local-workers 2",
                "  ./metalearn train examples/configs/omniglot-protonet.yaml --dashboard"})
final class TrainCommand implements java.util.concurrent.Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "CONFIG", description = "YAML (.yaml/.yml) or JSON (.json) run configuration.")
    Path config;

    @Mixin
    ConfigOverrides overrides;

    @Mixin
    RunOptions runOptions;

    @Mixin
    PluginsDirOption plugins;

    @Mixin
    ClusterOptions clusterOptions;

    @Mixin
    DashboardOption dashboard;

    @Option(names = "--allow-config-change",
            description = "With --resume: continue although the config differs from the run's in more than "
                    + "train.iterations (the differences are printed as a warning). Without it such a resume is "
                    + "refused, listing every differing key.")
    boolean allowConfigChange;

    TrainCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (ConfigException e) {
            throw ConfigLoader.attribute(e, overrides.values, config.toString());
        }
    }

    private int run() {
        RunConfig fromFile = ConfigLoader.load(config, overrides.values);
        Path runDir = runOptions.runDir(fromFile.learner().name() + "-" + fromFile.dataset().name());
        // Loading the plugins, ND4J's native backend and the data takes seconds: each step is announced before it
        // starts, never after (a bad configuration fails before, with its one-line error).
        console.err().println("metalearn train: " + fromFile.learner().name() + " on " + fromFile.dataset().name()
                + " into " + runDir);
        // Recorded in the run, so that eval, export and resume of a plugin learner's run find its plugins.
        RunConfig loaded = withPluginsDir(fromFile, runOptions.resuming() ? recordedPluginsDir(runDir) : null);
        Optional<ClusterConfig> cluster = clusterOptions.settings(loaded, config.toString());
        RunConfig run = cluster.map(c -> loaded.withCluster(c.toTree())).orElse(loaded);
        Path pluginsDir = plugins.orElse(run.pluginsDir());
        long started = System.nanoTime();
        console.err().println("loading the providers (learners, data sets, backends)"
                + (pluginsDir == null ? "" : " and the plugins in " + pluginsDir));
        try (Session session = Session.open(pluginsDir, console.err(), ClusterOptions.modules(cluster));
             LocalWorkers workers = clusterOptions.startLocalWorkers(cluster, runDir, pluginsDir, run.backend(),
                     console.err())) {
            try {
                console.err().printf(Locale.ROOT, "loaded %d learners and %d data sets (%.1f s)%n",
                        session.registry().learners().size(), session.registry().datasets().size(),
                        (System.nanoTime() - started) / 1e9);
                return train(session, run, runDir);
            } catch (RuntimeException e) {
                throw session.explain(e);
            }
        }
    }

    /**
     * {@code config} with its plugins directory: {@code --plugins-dir}, else the config's, else the one the resumed run
     * recorded ({@code recorded}, null when none or not resuming), saying so when a resume uses another than it had.
     */
    private RunConfig withPluginsDir(RunConfig config, String recorded) {
        String chosen = plugins.dir != null ? plugins.dir.toAbsolutePath().normalize().toString()
                : config.pluginsDir() != null ? config.pluginsDir() : recorded;
        if (recorded != null && chosen.equals(recorded) && config.pluginsDir() == null && plugins.dir == null) {
            console.err().println("plugins directory " + recorded + " (recorded in the run)");
        } else if (recorded != null && !chosen.equals(recorded)) {
            console.err().println("plugins directory " + chosen + " instead of the run's " + recorded
                    + (plugins.dir != null ? " (--plugins-dir)" : " (the config's pluginsDir)"));
        }
        return chosen == null ? config : config.withPluginsDir(chosen);
    }

    /** The {@code pluginsDir} in the config a run saved in {@code runDir}, or null when it has none (or no config). */
    private static String recordedPluginsDir(Path runDir) {
        Path saved = runDir.resolve(Trainer.CONFIG_FILE);
        if (!Files.isRegularFile(saved)) {
            return null;
        }
        JsonNode dir = ConfigLoader.read(saved).path("pluginsDir");
        return dir.isTextual() ? dir.asText() : null;
    }

    private int train(Session session, RunConfig run, Path runDir) {
        long started = System.nanoTime();
        console.err().println("starting the ND4J backend (" + run.backend() + ")");
        Backend backend = BackendSelector.select(session.registry(), run.backend(),
                ConfigLoader.sourceOf("backend", overrides.values, config.toString()));
        backend.activate();
        console.err().printf(Locale.ROOT, "backend %s: %s (%.1f s)%n", backend.name(), backend.device(),
                (System.nanoTime() - started) / 1e9);
        TrainingEventBus events = session.get(TrainingEventBus.class);
        List<TrainingListener> listeners = new ArrayList<>(session.pluginListeners());
        MetricsFileListener metrics = new MetricsFileListener(runDir.resolve(Trainer.METRICS_FILE));
        listeners.add(metrics);
        listeners.add(new TrainConsole(console.err(), console.errIsTerminal() && runOptions.showProgress()));
        List<TrainingEventBus.Subscription> subscriptions = listeners.stream().map(events::subscribe).toList();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            awaitQuietly(done);
        }, "metalearn-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Scope check = runOptions.numericsCheck();
             DashboardOption.Served shown = dashboard.start(session, runDir, true, console.err())) {
            String backendName = backend.name() + ": " + backend.device();
            console.err().println("opening data set " + run.dataset().name() + " and building learner "
                    + run.learner().name() + (runOptions.resuming() ? ", then restoring its last checkpoint" : ""));
            RunFinished finished;
            try {
                // A metrics file that cannot be written stops the run like Ctrl-C: with a checkpoint, at once.
                finished = session.get(Trainer.class).train(run, runDir, runOptions.resuming(), allowConfigChange,
                        config.toString(), backendName, () -> stop.get() || metrics.failure().isPresent());
            } catch (RuntimeException e) {
                throw metrics.failure().<RuntimeException>map(f -> new TrainingFailedException(f + "; "
                        + e.getMessage(), e)).orElse(e);
            }
            for (TrainingEventBus.Subscription s : subscriptions) {
                s.awaitFinished(Duration.ofSeconds(30));
            }
            if (metrics.failure().isPresent()) {
                throw new TrainingFailedException(metrics.failure().get() + "; training stopped after iteration "
                        + finished.iteration() + (finished.checkpoint() == null ? ", no checkpoint was written"
                        : ", the last checkpoint is " + finished.checkpoint() + ": resume from it"), null);
            }
            console.out().println(ConsoleSummaryListener.summaryJson(finished, backendName));
        } finally {
            try {
                subscriptions.forEach(TrainingEventBus.Subscription::close);
                metrics.close();
            } finally {
                // Whatever failed above, the shutdown hook must not wait for us.
                done.countDown();
                removeHook(hook);
            }
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            // The JVM is exiting; give the trainer time to finish its step and write the checkpoint.
            done.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and waits for us; nothing to remove.
        }
    }
}
