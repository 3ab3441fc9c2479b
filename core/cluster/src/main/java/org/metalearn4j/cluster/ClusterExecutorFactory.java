package org.metalearn4j.cluster;

import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.metalearn4j.cluster.wire.RunSpec;
import org.metalearn4j.core.checkpoint.LibraryVersions;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TaskExecutorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each training run a {@link ClusterTaskExecutor} on the application's clustered Vert.x instance (bound by
 * {@link ClusterModule}). The run's own {@code cluster:} section, where it gives them, sets how many workers to await
 * and how to treat slow, failing or absent ones; the keys it leaves out keep the settings this process joined with. A
 * learner that does not compute its tasks one by one trains in this process, with a warning.
 */
public final class ClusterExecutorFactory implements TaskExecutorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterExecutorFactory.class);

    private final Vertx vertx;
    private final ClusterVertxFactory cluster;
    private final ProviderRegistry registry;

    @Inject
    public ClusterExecutorFactory(Vertx vertx, ClusterVertxFactory cluster, ProviderRegistry registry) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.registry = registry;
    }

    @Override
    public TaskExecutor create(RunConfig config, RunComponents run, String source) {
        if (!(run.learner() instanceof TaskwiseLearner)) {
            LOG.warn("learner {} steps on the whole meta-batch at once, so its tasks cannot go to workers; training"
                    + " in this process", config.learner().name());
            return LocalTaskExecutor.learnersThreads();
        }
        // the context RunComponents.open built: workers create the same learner from it, with or without the data
        LearnerContext context = LearnerContext.forDataset(run.dataset(), run.training(), config.train().way(),
                config.seed(), Optional.empty(), registry);
        LibraryVersions versions = LibraryVersions.current();
        RunSpec spec = new RunSpec(UUID.randomUUID().toString().substring(0, 8), cluster.membership().nodeId(),
                versions.metalearn4j(), versions.nd4j(), ConfigLoader.toJson(config), context.inputShape(),
                context.type().name(), context.ways(), context.outputs(), context.seed());
        ClusterConfig policy = ClusterConfig.bind(config.cluster(), cluster.config(), source);
        return ClusterTaskExecutor.start(vertx, cluster.membership(), policy, spec, config.learner().name());
    }
}
