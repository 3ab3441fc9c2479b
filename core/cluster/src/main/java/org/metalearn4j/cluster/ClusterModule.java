package org.metalearn4j.cluster;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.metalearn4j.core.event.VertxFactory;
import org.metalearn4j.core.train.TaskExecutorFactory;

/**
 * Guice bindings of a clustered application: its one Vert.x instance joins the cluster ({@link ClusterVertxFactory}),
 * and training runs compute their tasks on the cluster's workers ({@link ClusterExecutorFactory}). Install it next to
 * core's {@code MetalearnModule}.
 */
public final class ClusterModule extends AbstractModule {
    private final ClusterVertxFactory factory;

    public ClusterModule(ClusterVertxFactory factory) {
        this.factory = factory;
    }

    @Override
    protected void configure() {
        bind(ClusterVertxFactory.class).toInstance(factory);
        OptionalBinder.newOptionalBinder(binder(), VertxFactory.class).setBinding().toInstance(factory);
        OptionalBinder.newOptionalBinder(binder(), TaskExecutorFactory.class).setBinding()
                .to(ClusterExecutorFactory.class);
    }
}
