package org.metalearn4j.transfer.model;

import java.util.List;
import java.util.function.Function;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.train.MiniBatchLoop;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Core's {@link BackboneHeadModel} with a linear head over a fixed label set, holding its weights and batch-norm
 * statistics: what transfer stages pretrain, fine-tune and distil. A BACKBONE artifact holds the backbone entries
 * without the {@code backbone.} prefix, parameters and statistics alike.
 */
public final class Classifier {
    public static final String BACKBONE = BackboneHeadModel.BACKBONE + ".";
    public static final String HEAD = BackboneHeadModel.HEAD + ".";

    private final BackboneSpec spec;
    private final BackboneHeadModel network;
    private final RunningStats stats = new RunningStats();
    private Params params;

    /**
     * Fresh float32 weights: parameter {@code i} from {@code Seeds.derive(seed, i)}.
     *
     * @param registry where the backbone type is looked up
     */
    public Classifier(BackboneSpec spec, long[] inputShape, int classes, long seed, ProviderRegistry registry) {
        this.spec = spec;
        this.network = BackboneHeadModel.linearHead(spec.build(registry, inputShape, BackboneUse.FEATURES), classes);
        this.params = network.init(seed, DataType.FLOAT);
    }

    /** The live parameters (leaf variables updated in place by an optimizer). */
    public Params params() {
        return params;
    }

    /** Overwrites the backbone's parameters and statistics with those of a BACKBONE artifact's state. */
    public void loadBackbone(StateDict backboneState) {
        params = BackboneHeadModel.withBackbone(params, backboneState);
        BackboneHeadModel.loadStatistics(stats, backboneState);
    }

    /** Restores everything {@link #state()} saved (parameters and statistics; flags are read by the caller). */
    public void load(StateDict state) {
        params = params.load(state);
        stats.load(state);
    }

    /**
     * Trains the parameters with core's {@link MiniBatchLoop} on the cross-entropy of batches of {@code data}, plus
     * an optional regulariser of the parameters.
     *
     * @param weights     per-example weights (drawn in proportion, importance resampling), or null for uniform
     * @param batchSize   rows per step; at least the data's size (unweighted) means full-batch steps
     * @param regulariser extra loss on the parameters (e.g. L2-SP), or null
     * @param progress    told each step's loss and accuracy
     */
    public MiniBatchLoop.Result train(Examples data, double[] weights, int iterations, int batchSize,
                                      Optimizer optimizer, Function<Params, Tensor> regulariser, long seed,
                                      StageProgress progress) {
        MiniBatchLoop loop = new MiniBatchLoop(List.of(data), weights == null ? null : List.of(weights),
                MiniBatchLoop.SourceOrder.ROUND_ROBIN, batchSize, seed);
        return loop.run(iterations, params, optimizer, (batch, it) -> {
            Tensor logits = logits(batch.x(), true, Seeds.derive(seed, it));
            Tensor loss = Losses.crossEntropy(logits, batch.labels());
            return new MiniBatchLoop.BatchLoss(regulariser == null ? loss : loss.add(regulariser.apply(params)),
                    logits);
        }, progress);
    }

    /** Logits [n, classes]; training mode uses batch statistics and updates the running ones. */
    public Tensor logits(INDArray x, boolean training, long seed) {
        ForwardContext ctx = new ForwardContext(training, stats, seed);
        return network.forward(params, Tensor.constant(x.castTo(DataType.FLOAT)), ctx);
    }

    /** Backbone features [n, d] in evaluation mode, without building a graph. */
    public INDArray features(INDArray x) {
        try (var ignored = Autograd.noGrad()) {
            ForwardContext ctx = new ForwardContext(false, stats, 0);
            return network.features(params, Tensor.constant(x.castTo(DataType.FLOAT)), ctx).value();
        }
    }

    /**
     * Puts back the batch-norm statistics of the layers {@code frozenLayer} accepts (by layer path, e.g.
     * {@code backbone.0.bn}) from {@code snapshot}: training-mode forward passes update them even when the layer's
     * weights are frozen.
     */
    public void restoreStatistics(StateDict snapshot, java.util.function.Predicate<String> frozenLayer) {
        StateDict current = stats.toStateDict();
        StateDict merged = new StateDict();
        current.asMap().forEach((k, v) -> {
            String layer = k.substring(0, k.lastIndexOf('.'));
            merged.put(k, frozenLayer.test(layer) && snapshot.contains(k) ? snapshot.get(k) : v);
        });
        stats.load(merged);
    }

    /** Parameters and statistics, full names. */
    public StateDict state() {
        StateDict sd = params.toStateDict();
        stats.toStateDict().asMap().forEach(sd::put);
        return sd;
    }

    /** The backbone's parameters and statistics without the {@code backbone.} prefix. */
    public StateDict backboneState() {
        return BackboneHeadModel.backboneState(params, stats);
    }

    /** Names of the backbone's top-level blocks in order (e.g. conv4: 0..3; mlp: its linear layers). */
    public List<String> backboneBlocks() {
        return params.names().stream().filter(n -> n.startsWith(BACKBONE))
                .map(n -> n.substring(BACKBONE.length(), n.indexOf('.', BACKBONE.length())))
                .distinct().toList();
    }
}
