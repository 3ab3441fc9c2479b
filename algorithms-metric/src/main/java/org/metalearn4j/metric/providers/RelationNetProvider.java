package org.metalearn4j.metric.providers;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.RelationHead;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.metric.MetricLearner;

/** {@code relationnet}: Relation Networks (Sung et al. 2018). */
public final class RelationNetProvider implements LearnerProvider<RelationNetConfig> {
    @Override
    public String name() {
        return "relationnet";
    }

    @Override
    public String description() {
        return "Relation Networks: a learned module scores query-prototype pairs";
    }

    @Override
    public Class<RelationNetConfig> configType() {
        return RelationNetConfig.class;
    }

    @Override
    public RelationNetConfig defaults() {
        return new RelationNetConfig(BackboneSpec.conv4(64), 8, OptimizerConfig.defaults());
    }

    @Override
    public Learner create(RelationNetConfig config, LearnerContext context) {
        return MetricLearner.create(context, config.backbone(), config.optimizer(),
                embedding -> new RelationHead(Math.toIntExact(embedding), config.relationHidden()));
    }
}
