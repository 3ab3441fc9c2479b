package org.metalearn4j.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.EvalConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.config.TrainConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TestTimeAugmentation;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * The data set and learner a configuration names, created with validated parameters. Every name, parameter and split
 * is checked here, before the first training step.
 *
 * @param dataset  the opened data set
 * @param learner  a freshly initialised learner
 * @param training the training episode stream
 * @param metric   {@code accuracy} or {@code mse}
 */
public record RunComponents(Dataset dataset, Learner learner, TaskSource training, String metric) {

    /**
     * Opens the data set and creates the learner of {@code config}, after drawing the first training episode and
     * the first evaluation episode, so that settings the data set cannot serve (more ways than a split has classes,
     * more shots and queries than a class has examples) fail here and not after training.
     *
     * @param source the config file name for error messages, or null
     * @throws ConfigException naming the field if a provider, parameter, split or episode shape is wrong
     */
    public static RunComponents open(RunConfig config, ProviderRegistry registry, String source) {
        DatasetProvider<?> datasetProvider = EffectiveConfig.dataset(config, registry, source);
        LearnerProvider<?> learnerProvider = EffectiveConfig.learner(config, registry, source);
        Dataset dataset = openDataset(datasetProvider, config.dataset().params(), source);
        TrainConfig t = config.train();
        EvalConfig e = config.eval();
        TaskSource training = episodes(dataset, t.split(), t.way(), t.shot(), t.query(), "train", source);
        sample(training, Seeds.derive(config.seed(), 0, 0), dataset, t.split(), "train", source);
        sample(episodes(dataset, e.split(), e.way(), e.shot(), e.query(), "eval", source), Seeds.derive(e.seed(), 0),
                dataset, e.split(), "eval", source);
        requireTaskType(learnerProvider, dataset, "learner.name", source);
        TestTimeAugmentation.check(dataset, t.split(), e.views());
        LearnerContext context = LearnerContext.forDataset(dataset, training, t.way(), config.seed(),
                Optional.empty(), registry);
        Learner learner = createLearner(learnerProvider, config.learner().params(), context, source);
        if (dataset.type() == TaskType.CONTROL && !(learner instanceof TaskScorer)) {
            throw new ConfigException("learner.name", "data set '" + dataset.name() + "' is a family of environments"
                    + " (control tasks) and learner '" + learnerProvider.name() + "' cannot act in them; use a"
                    + " reinforcement learner such as maml-rl" + in(source));
        }
        return new RunComponents(dataset, learner, training, Evaluator.metricName(dataset.type()));
    }

    /**
     * Refuses a configuration whose training steps or evaluation episodes would need more memory than this process
     * may use, warns when they need more than half ({@link MemoryEstimate}).
     *
     * @throws ConfigException at {@code train} or {@code eval}, with the estimate and the limit
     */
    public void requireMemory(RunConfig config, String source) {
        TrainConfig t = config.train();
        Task first = training.sample(Seeds.derive(config.seed(), 0, 0));
        MemoryEstimate.of(first, t.metaBatch(), learner.trainedArrays(), learner instanceof TaskwiseLearner)
                .require("train", source);
        EvalConfig e = config.eval();
        Task eval = episodes(e.split(), e.way(), e.shot(), e.query()).sample(Seeds.derive(e.seed(), 0));
        MemoryEstimate.of(eval, 1, Map.of(), false).require("eval", source);
    }

    /** The evaluation episode stream of {@code split} with the given shape. */
    public TaskSource episodes(String split, int way, int shot, int query) {
        return episodes(dataset, split, way, shot, query, "eval", null);
    }

    /**
     * Opens {@code provider}'s data set with {@code params} bound over its defaults; errors name
     * {@code dataset.params.FIELD} and {@code source}.
     */
    public static <C extends Record> Dataset openDataset(DatasetProvider<C> provider, JsonNode params,
                                                         String source) {
        C config = ConfigBinder.bindParams(provider, params, "dataset.params", source);
        return ConfigBinder.create(provider.configType(), "dataset.params", source, () -> provider.open(config));
    }

    /**
     * Creates {@code provider}'s learner with {@code params} bound over its defaults; errors name
     * {@code learner.params.FIELD} and {@code source}.
     */
    public static <C extends Record> Learner createLearner(LearnerProvider<C> provider, JsonNode params,
                                                           LearnerContext context, String source) {
        C config = ConfigBinder.bindParams(provider, params, "learner.params", source);
        return ConfigBinder.create(provider.configType(), "learner.params", source,
                () -> provider.create(config, context));
    }

    /**
     * Fails unless {@code provider}'s learner handles {@code dataset}'s task type ({@link LearnerProvider#taskTypes}),
     * naming the learner, the data set and both types; called before anything is trained.
     *
     * @param path the config field naming the learner, e.g. {@code learner.name}
     */
    public static void requireTaskType(LearnerProvider<?> provider, Dataset dataset, String path, String source) {
        if (!provider.taskTypes().contains(dataset.type())) {
            throw new ConfigException(path, "learner '" + provider.name() + "' learns " + names(provider.taskTypes())
                    + " tasks only, but data set '" + dataset.name() + "' has " + names(Set.of(dataset.type()))
                    + " tasks" + in(source));
        }
    }

    private static String names(Set<TaskType> types) {
        return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(" and "));
    }

    private static TaskSource episodes(Dataset dataset, String split, int way, int shot, int query, String section,
                                       String source) {
        if (!dataset.splits().contains(split)) {
            throw new ConfigException(section + ".split", "data set '" + dataset.name() + "' has no split '" + split
                    + "'; available: " + dataset.splits() + in(source));
        }
        EpisodeSpec spec;
        try {
            spec = new EpisodeSpec(way, shot, query);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section, e.getMessage() + in(source), e);
        }
        try {
            return dataset.episodes(split, spec);
        } catch (DatasetException e) {
            throw unservable(section, spec, dataset, split, e, source);
        }
    }

    private static void sample(TaskSource episodes, long seed, Dataset dataset, String split, String section,
                               String source) {
        try {
            episodes.sample(seed);
        } catch (DatasetException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw unservable(section, null, dataset, split, e, source);
        }
    }

    private static ConfigException unservable(String section, EpisodeSpec spec, Dataset dataset, String split,
                                              RuntimeException e, String source) {
        String episode = spec == null ? "the configured episodes" : spec.way() + "-way " + spec.shot() + "-shot "
                + spec.query() + "-query episodes";
        return new ConfigException(section, "data set '" + dataset.name() + "' cannot make " + episode
                + " from split '" + split + "': " + e.getMessage() + in(source), e);
    }

    private static String in(String source) {
        return source == null ? "" : " (in " + source + ")";
    }
}
