package org.metalearn4j.model.generative.statistician;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code neural-statistician}: a few-shot generator (Edwards and Storkey 2017, with the conditional objective of
 * neural processes) that, given K examples of an unseen class, samples new ones; trained on episodes like any
 * learner, evaluated as a likelihood classifier, and used by {@code metalearn generate} and the data sets'
 * {@code generated} parameter.
 */
public final class NeuralStatisticianProvider implements LearnerProvider<StatisticianConfig> {
    @Override
    public String name() {
        return "neural-statistician";
    }

    @Override
    public String description() {
        return "few-shot generator: a conditional VAE that samples new examples of a class from K = 1..5 of it";
    }

    @Override
    public Class<StatisticianConfig> configType() {
        return StatisticianConfig.class;
    }

    @Override
    public StatisticianConfig defaults() {
        return StatisticianConfig.defaults();
    }

    @Override
    public Learner create(StatisticianConfig config, LearnerContext context) {
        return StatisticianLearner.create(config, context, DataType.FLOAT);
    }

    /** Image classification episodes only: the generator and the classifier read images with class labels. */
    @Override
    public Set<TaskType> taskTypes() {
        return EnumSet.of(TaskType.CLASSIFICATION);
    }
}
