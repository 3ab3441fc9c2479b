package org.metalearn4j.model.generative.metagan;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code metagan}: MetaGAN (Zhang et al. 2018), a few-shot classifier ({@code classifier: maml | protonet |
 * relationnet}) trained as the discriminator of a task-conditioned generator, which meta-learns to make fakes that
 * sharpen its class boundaries. Trained, resumed and evaluated like every learner.
 */
public final class MetaGanProvider implements LearnerProvider<MetaGanConfig> {
    @Override
    public String name() {
        return "metagan";
    }

    @Override
    public String description() {
        return "MetaGAN: a MAML, ProtoNet or RelationNet classifier with an extra 'fake' output, trained against a"
                + " task-conditioned generator";
    }

    @Override
    public Class<MetaGanConfig> configType() {
        return MetaGanConfig.class;
    }

    @Override
    public MetaGanConfig defaults() {
        return MetaGanConfig.defaults();
    }

    @Override
    public Learner create(MetaGanConfig config, LearnerContext context) {
        return create(config, context, DataType.FLOAT);
    }

    /**
     * The learner of {@code config.classifier()}.
     *
     * @param dataType float32 for training, float64 for gradient checks
     */
    public static Learner create(MetaGanConfig config, LearnerContext context, DataType dataType) {
        if (context.type() != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("metagan classifies; the data set's tasks are " + context.type());
        }
        return switch (config.classifier()) {
            case MAML -> MamlMetaGanLearner.create(config, context, dataType);
            case PROTONET, RELATIONNET -> MetricMetaGanLearner.create(config, context, dataType);
        };
    }

    /** Image classification episodes only: the generator and the classifier read images with class labels. */
    @Override
    public Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.CLASSIFICATION);
    }
}
