package org.metalearn4j.optimization;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.bayes.BayesianMamlConfig;
import org.metalearn4j.optimization.bayes.BayesianMamlLearner;
import org.metalearn4j.optimization.conditioned.EncoderConfig;
import org.metalearn4j.optimization.conditioned.TaskConditionedConfig;
import org.metalearn4j.optimization.conditioned.TaskConditionedLearner;
import org.metalearn4j.optimization.learned.LearnedOptimizerConfig;
import org.metalearn4j.optimization.learned.LearnedOptimizerLearner;
import org.metalearn4j.optimization.lstm.LstmMetaLearner;
import org.metalearn4j.optimization.lstm.LstmMetaLearnerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Small sinusoid-sized instances of every learner of this module that applies its meta-gradients with a
 * {@link MetaOptimizerConfig} (but meta-RL, whose tasks are environments: {@code MetaRlLearnerTest}), built with
 * the meta-optimizer a test chooses.
 */
record MetaOptimizedLearner(String name, Function<MetaOptimizerConfig, LongFunction<Learner>> factory) {

    /** A factory of learners with {@code meta} as their meta-optimizer, from a seed. */
    LongFunction<Learner> with(MetaOptimizerConfig meta) {
        return factory.apply(meta);
    }

    @Override
    public String toString() {
        return name;
    }

    static List<MetaOptimizedLearner> all() {
        Function<MetaOptimizerConfig, LongFunction<Learner>> metaSgd = meta -> seed -> GradientMetaLearner.create(
                new MamlConfig(MamlConfig.Order.SECOND, 1, 0.05, 1, BackboneSpec.mlp(8, 8), meta, 1.0, 1),
                SinusoidTasks.context(seed), GradientMetaLearner.Variant.META_SGD, DataType.FLOAT);
        Function<MetaOptimizerConfig, LongFunction<Learner>> lstm = meta -> seed -> LstmMetaLearner.create(
                new LstmMetaLearnerConfig(MamlConfig.Order.FIRST, 2, 2, 3, 10.0, BackboneSpec.mlp(4), meta, 0.25, 1),
                SinusoidTasks.context(seed), DataType.FLOAT);
        Function<MetaOptimizerConfig, LongFunction<Learner>> learned = meta -> seed -> LearnedOptimizerLearner.create(
                new LearnedOptimizerConfig(2, 4, 5.0, 0.01, List.of(""), 6, 4, LearnedOptimizerConfig.Objective.LOG,
                        MamlConfig.Order.FIRST, BackboneSpec.mlp(4), true, 3, 4, meta, 0),
                SinusoidTasks.context(seed), DataType.FLOAT);
        Function<MetaOptimizerConfig, LongFunction<Learner>> conditioned = meta -> seed ->
                TaskConditionedLearner.create(new TaskConditionedConfig(MamlConfig.Order.SECOND, 2, 0.05, 2, true,
                        new EncoderConfig(List.of(5), 3), BackboneSpec.mlp(4), meta, 0, 1),
                        SinusoidTasks.context(seed), DataType.FLOAT);
        Function<MetaOptimizerConfig, LongFunction<Learner>> bmaml = meta -> seed -> BayesianMamlLearner.create(
                new BayesianMamlConfig(3, MamlConfig.Order.SECOND, 1, 0.1, 1, BayesianMamlConfig.MetaLoss.CHASER, 1,
                        0, 1.0, BackboneSpec.mlp(4), meta, 0, 1), SinusoidTasks.context(seed),
                BayesianMamlLearner.Variant.BMAML, DataType.FLOAT);
        Function<MetaOptimizerConfig, LongFunction<Learner>> ensemble = meta -> seed -> BayesianMamlLearner.create(
                new BayesianMamlConfig(2, MamlConfig.Order.FIRST, 1, 0.1, 1, BayesianMamlConfig.MetaLoss.QUERY, 1, 0,
                        1.0, BackboneSpec.mlp(4), meta, 0, 1), SinusoidTasks.context(seed),
                BayesianMamlLearner.Variant.ENSEMBLE, DataType.FLOAT);
        Function<MetaOptimizerConfig, LongFunction<Learner>> joint = meta -> seed -> JointTrainingLearner.create(
                new JointConfig(BackboneSpec.mlp(4), meta, 0.01, 1, 0, 1), SinusoidTasks.context(seed),
                DataType.FLOAT);
        return List.of(new MetaOptimizedLearner("metasgd", metaSgd),
                new MetaOptimizedLearner("lstm-meta-learner", lstm),
                new MetaOptimizedLearner("learned-optimizer", learned),
                new MetaOptimizedLearner("task-conditioned", conditioned), new MetaOptimizedLearner("bmaml", bmaml),
                new MetaOptimizedLearner("ensemble-maml", ensemble), new MetaOptimizedLearner("joint", joint));
    }
}
