package org.metalearn4j.transfer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.train.DryRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a whole pipeline before anything trains: every stage name is registered, every config binds to its
 * provider's record, each stage accepts the artifact kind the previous stage (or the {@code input} artifact) produces,
 * every file a config or the pipeline names exists, every data set and learner a config names is registered, and the
 * params a config holds for a learner bind to that learner. All problems are reported together, each naming the field
 * path ({@code stages[1].config.way}) or the stage by index and name. {@link #dryRun} then runs every stage for one
 * step on its real data and input.
 */
public final class PipelineValidator {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineValidator.class);

    private final ProviderRegistry registry;

    public PipelineValidator(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** The runnable pipeline; throws {@link PipelineValidationException} listing every problem found. */
    public Pipeline validate(PipelineSpec spec) {
        List<String> problems = new ArrayList<>();
        ArtifactKind previous = inputKind(spec.input(), problems);
        String previousWho = spec.input() == null ? "the pipeline start" : "input " + spec.input();
        List<PlannedStage> planned = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        registry.stages().forEach(p -> known.add(p.name()));
        TreeSet<String> datasets = new TreeSet<>();
        registry.datasets().forEach(p -> datasets.add(p.name()));
        TreeSet<String> learners = new TreeSet<>();
        registry.learners().forEach(p -> learners.add(p.name()));
        for (int i = 0; i < spec.stages().size(); i++) {
            StageSpec s = spec.stages().get(i);
            String who = "stage " + i + " '" + s.stage() + "'";
            String at = "stages[" + i + "]";
            if (!known.contains(s.stage())) {
                problems.add(at + ".stage: unknown stage '" + s.stage() + "'; available stages: " + known);
                previous = null; // unknown output: the next stage's input cannot be checked
                previousWho = who;
                continue;
            }
            PlannedStage p;
            try {
                p = plan(i, registry.stage(s.stage()), s);
            } catch (ConfigException e) {
                problems.add(e.getMessage());
                previous = null;
                previousWho = who;
                continue;
            } catch (IllegalArgumentException e) {
                problems.add(at + ".config: " + e.getMessage());
                previous = null;
                previousWho = who;
                continue;
            }
            PipelineStage stage = p.stage();
            if (previous != null && !stage.accepts().contains(previous)) {
                problems.add(who + ": accepts " + stage.accepts() + " but " + previousWho + " produces " + previous);
            }
            if (p.config() instanceof FileReferences refs) {
                for (Map.Entry<String, Path> f : refs.referencedFiles().entrySet()) {
                    if (!Files.isRegularFile(f.getValue())) {
                        problems.add(at + ".config." + f.getKey() + ": names a missing file: " + f.getValue());
                    }
                }
            }
            if (p.config() instanceof ProviderReferences refs) {
                checkNames(at, "data set", refs.datasets(), datasets, problems);
                checkNames(at, "learner", refs.learners(), learners, problems);
                checkLearnerParams(at, refs, learners, problems);
            }
            planned.add(p);
            previous = stage.produces();
            previousWho = who;
        }
        if (!problems.isEmpty()) {
            throw new PipelineValidationException(problems, spec.source());
        }
        return new Pipeline(spec.seed(), spec.input(), planned);
    }

    /**
     * Runs every stage of {@code pipeline} in order inside a {@link DryRun}, each on what the previous one produced
     * (the first on the real input artifact), with the real data sets: the check that finds what only the data or
     * the incoming shapes reveal (a split that does not exist, more ways than a split has classes, a backbone of
     * another width than the pretrained one) before any stage trains for real. Core's loops run one step each and
     * nothing is written to the run directory. A stage whose provider is not
     * {@linkplain StageProvider#dryRunnable() dry-runnable} ends the check there (logged).
     *
     * @param source the pipeline file for messages, or null
     * @throws PipelineValidationException naming the first stage that fails and why
     */
    public void dryRun(Pipeline pipeline, String source) {
        Path dir;
        try {
            dir = Files.createTempDirectory("metalearn4j-check");
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot create a directory for the pipeline check in",
                    System.getProperty("java.io.tmpdir"), e), e);
        }
        try (Scope dry = DryRun.begin()) {
            Artifact current = pipeline.input() == null ? Artifact.none()
                    : ArtifactFiles.load(pipeline.input()).artifact();
            for (PlannedStage p : pipeline.stages()) {
                if (!registry.stage(p.name()).dryRunnable()) {
                    LOG.info("pipeline check: stage {} cannot be dry-run; it and the stages after it were checked"
                            + " for their configs only", p.label());
                    return;
                }
                StageContext context = new StageContext(registry, dir.resolve(p.label()),
                        Seeds.derive(pipeline.seed(), p.index()), StageProgress.NONE);
                try {
                    current = p.stage().run(current, context);
                } catch (RuntimeException e) {
                    throw new PipelineValidationException(List.of(dryRunProblem(p, e)), source);
                }
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private String dryRunProblem(PlannedStage p, RuntimeException e) {
        String at = "stages[" + p.index() + "]";
        String what = e instanceof ConfigException c && !c.path().isEmpty() ? at + "." + c.getMessage()
                : at + " '" + p.name() + "': " + registry.blame(e).orElse(e.getMessage() == null ? e.toString()
                : e.getMessage());
        return what + " (found by running the stage for one step on its data and on what the stages before it"
                + " produce)";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // A leftover file in the temporary directory is harmless.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }

    private static void checkNames(String at, String kind, Map<String, String> named, TreeSet<String> known,
                                   List<String> problems) {
        named.forEach((field, name) -> {
            if (!known.contains(name)) {
                problems.add(at + ".config." + field + ": unknown " + kind + " '" + name + "'; available: " + known);
            }
        });
    }

    private void checkLearnerParams(String at, ProviderReferences refs, TreeSet<String> learners,
                                    List<String> problems) {
        for (ProviderReferences.LearnerParams lp : refs.learnerParams()) {
            String name = refs.learners().get(lp.learnerField());
            if (name != null && learners.contains(name)) {
                try {
                    ConfigBinder.bindParams(registry.learner(name), lp.params(), at + ".config." + lp.paramsField(),
                            null);
                } catch (ConfigException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    private static <C extends Record> PlannedStage plan(int index, StageProvider<C> provider, StageSpec s) {
        String path = "stages[" + index + "].config";
        C config = ConfigBinder.bindParams(provider, s.config(), path, null);
        PipelineStage stage = ConfigBinder.create(provider.configType(), path, null, () -> provider.create(config));
        return new PlannedStage(index, provider.name(), config, stage);
    }

    private static ArtifactKind inputKind(Path input, List<String> problems) {
        if (input == null) {
            return ArtifactKind.NONE;
        }
        if (!Files.isRegularFile(input)) {
            problems.add("input: checkpoint " + input + " does not exist");
            return null;
        }
        try {
            return ArtifactFiles.readKind(input);
        } catch (UncheckedIOException e) {
            problems.add("input: " + e.getMessage());
            return null;
        }
    }
}
