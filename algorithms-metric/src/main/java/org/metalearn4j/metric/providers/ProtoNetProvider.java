package org.metalearn4j.metric.providers;

import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.nn.metric.PrototypeHead;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.metric.MetricLearner;

/** {@code protonet}: Prototypical Networks (Snell et al. 2017). */
public final class ProtoNetProvider implements LearnerProvider<ProtoNetConfig> {
    @Override
    public String name() {
        return "protonet";
    }

    @Override
    public String description() {
        return "Prototypical Networks: queries scored by distance to class-mean embeddings";
    }

    @Override
    public Class<ProtoNetConfig> configType() {
        return ProtoNetConfig.class;
    }

    @Override
    public ProtoNetConfig defaults() {
        return new ProtoNetConfig(BackboneSpec.conv4(64), Distance.SQUARED_EUCLIDEAN, 10, OptimizerConfig.defaults(),
                0);
    }

    @Override
    public Learner create(ProtoNetConfig config, LearnerContext context) {
        PrototypeHead head = new PrototypeHead(config.distance(), config.cosineScale(), config.transductiveSteps());
        return MetricLearner.create(context, config.backbone(), config.optimizer(), embedding -> head);
    }
}
