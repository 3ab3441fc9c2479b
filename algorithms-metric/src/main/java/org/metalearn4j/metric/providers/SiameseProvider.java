package org.metalearn4j.metric.providers;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.metric.MetricLearner;
import org.metalearn4j.metric.head.SiameseHead;

/** {@code siamese}: Siamese networks (Koch et al. 2015), trained on same/different pairs. */
public final class SiameseProvider implements LearnerProvider<SiameseConfig> {
    @Override
    public String name() {
        return "siamese";
    }

    @Override
    public String description() {
        return "Siamese networks: pair similarity trained on same/different pairs, nearest support example wins";
    }

    @Override
    public Class<SiameseConfig> configType() {
        return SiameseConfig.class;
    }

    @Override
    public SiameseConfig defaults() {
        return new SiameseConfig(BackboneSpec.conv4(64), OptimizerConfig.defaults());
    }

    @Override
    public Learner create(SiameseConfig config, LearnerContext context) {
        return MetricLearner.create(context, config.backbone(), config.optimizer(),
                embedding -> new SiameseHead(Math.toIntExact(embedding)));
    }
}
