package org.metalearn4j.metric.providers;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.metric.MetricLearner;
import org.metalearn4j.metric.head.MatchingHead;

/** {@code matchingnet}: Matching Networks (Vinyals et al. 2016). */
public final class MatchingNetProvider implements LearnerProvider<MatchingNetConfig> {
    @Override
    public String name() {
        return "matchingnet";
    }

    @Override
    public String description() {
        return "Matching Networks: cosine attention over the support set, optional full-context embeddings";
    }

    @Override
    public Class<MatchingNetConfig> configType() {
        return MatchingNetConfig.class;
    }

    @Override
    public MatchingNetConfig defaults() {
        return new MatchingNetConfig(BackboneSpec.conv4(64), 10, false, 5, OptimizerConfig.defaults());
    }

    @Override
    public Learner create(MatchingNetConfig config, LearnerContext context) {
        return MetricLearner.create(context, config.backbone(), config.optimizer(),
                embedding -> new MatchingHead(Math.toIntExact(embedding), config.cosineScale(),
                        config.fullContextEmbedding(), config.fceSteps()));
    }
}
