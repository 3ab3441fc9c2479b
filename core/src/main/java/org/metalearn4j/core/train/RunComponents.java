package org.metalearn4j.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.TaskScorer;
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
     * Opens the data set and creates the learner of {@code config}.
     *
     * @param source the config file name for error messages, or null
     * @throws ConfigException naming the field if a provider, parameter or split is wrong
     */
    public static RunComponents open(RunConfig config, ProviderRegistry registry, String source) {
        DatasetProvider<?> datasetProvider = EffectiveConfig.dataset(config, registry, source);
        LearnerProvider<?> learnerProvider = EffectiveConfig.learner(config, registry, source);
        Dataset dataset = openDataset(datasetProvider, config.dataset().params(), source);
        requireSplit(dataset, config.train().split(), "train.split", source);
        requireSplit(dataset, config.eval().split(), "eval.split", source);
        TaskSource training = dataset.episodes(config.train().split(),
                spec(config.train().way(), config.train().shot(), config.train().query(), "train", source));
        spec(config.eval().way(), config.eval().shot(), config.eval().query(), "eval", source);
        TestTimeAugmentation.check(dataset, config.train().split(), config.eval().views());
        LearnerContext context = LearnerContext.forDataset(dataset, training, config.train().way(), config.seed(),
                Optional.empty(), registry);
        Learner learner = createLearner(learnerProvider, config.learner().params(), context, source);
        if (dataset.type() == TaskType.CONTROL && !(learner instanceof TaskScorer)) {
            throw new ConfigException("learner.name", "data set '" + dataset.name() + "' is a family of environments"
                    + " (control tasks) and learner '" + learnerProvider.name() + "' cannot act in them; use a"
                    + " reinforcement learner such as maml-rl" + in(source));
        }
        return new RunComponents(dataset, learner, training, Evaluator.metricName(dataset.type()));
    }

    /** The evaluation episode stream of {@code split} with the given shape. */
    public TaskSource episodes(String split, int way, int shot, int query) {
        requireSplit(dataset, split, "eval.split", null);
        return dataset.episodes(split, spec(way, shot, query, "eval", null));
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

    private static void requireSplit(Dataset dataset, String split, String path, String source) {
        if (!dataset.splits().contains(split)) {
            throw new ConfigException(path, "data set '" + dataset.name() + "' has no split '" + split
                    + "'; available: " + dataset.splits() + in(source));
        }
    }

    private static EpisodeSpec spec(int way, int shot, int query, String section, String source) {
        try {
            return new EpisodeSpec(way, shot, query);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section, e.getMessage() + in(source), e);
        }
    }

    private static String stripPath(ConfigException e) {
        String message = e.getMessage();
        String prefix = e.path() + ": ";
        return e.path() != null && !e.path().isEmpty() && message.startsWith(prefix)
                ? message.substring(prefix.length()) : message;
    }

    private static String in(String source) {
        return source == null ? "" : " (in " + source + ")";
    }
}
