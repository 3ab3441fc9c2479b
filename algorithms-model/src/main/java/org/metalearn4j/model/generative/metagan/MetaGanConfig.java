package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.model.generative.DecoderArchitecture;

/**
 * Configuration of {@code metagan}; {@code metalearn config --defaults metagan} prints it with these descriptions.
 * {@code inner} is read by the {@code maml} classifier only, {@code metric} by {@code protonet} and
 * {@code relationnet} only; the meta-batch size is the training loop's ({@code train.metaBatch}).
 */
public record MetaGanConfig(
        @JsonPropertyDescription("the few-shot classifier trained as the discriminator, with an extra 'fake' output:"
                + " maml (backbone and linear head adapted by an inner loop), protonet or relationnet")
        ClassifierKind classifier,
        @JsonPropertyDescription("the classifier's network") BackboneSpec backbone,
        @JsonPropertyDescription("maml only: the inner loop, which adapts on the real support examples and"
                + " generated ones") InnerLoopSettings inner,
        @JsonPropertyDescription("protonet and relationnet only: how embeddings are compared") MetricSettings metric,
        @JsonPropertyDescription("the classifier's Adam and learning-rate schedule (protonet's own default halves"
                + " every 2000 steps; maml's is constant)") OptimizerConfig classifierOptimizer,
        @JsonPropertyDescription("the task-conditioned generator") GeneratorSettings generator,
        @JsonPropertyDescription("generated examples per class of a task, for each of the inner loop and the query"
                + " loss (maml), or for the episode loss (protonet, relationnet)") int fakesPerClass,
        @JsonPropertyDescription("weight of the real-vs-fake terms (-log D(real) and -log(1 - D(fake))) beside the"
                + " supervised loss of the classifier; 0 trains the classifier on real examples only")
        double adversarialWeight,
        @JsonPropertyDescription("clip the classifier's (meta-)gradient to this global L2 norm; 0 disables clipping")
        double gradClip,
        @JsonPropertyDescription("maml only: tasks of a meta-batch computed at once, each on its own thread; the"
                + " result does not depend on it (up to the rounding of multi-threaded ops)") int taskThreads) {
    public MetaGanConfig {
        Checks.oneOf("classifier", classifier, ClassifierKind.class);
        Checks.present("backbone", backbone);
        Checks.present("inner", inner);
        Checks.present("metric", metric);
        Checks.present("classifierOptimizer", classifierOptimizer);
        Checks.present("generator", generator);
        Checks.atLeast("fakesPerClass", fakesPerClass, 1);
        Checks.nonNegative("adversarialWeight", adversarialWeight);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
    }

    /**
     * A maml classifier with the project's Omniglot MAML settings (Conv4-64, second order, one inner step of 0.4,
     * three at evaluation, Adam 1e-3), one fake per class, feature matching, and an MLP generator 64 noise + 64
     * task embedding to 256-512 hidden units with Adam 1e-3.
     */
    static MetaGanConfig defaults() {
        return new MetaGanConfig(ClassifierKind.MAML, BackboneSpec.conv4(64), new InnerLoopSettings(true, 1, 0.4, 3),
                new MetricSettings(Distance.SQUARED_EUCLIDEAN, 10, 8), OptimizerConfig.constant(1e-3),
                new GeneratorSettings(64, 64, DecoderArchitecture.MLP, List.of(256, 512), 64,
                        GeneratorLoss.FEATURE_MATCHING,
                        new OptimizerConfig(1e-3, 0, LrSchedule.constant())),
                1, 1.0, 0, 1);
    }
}
