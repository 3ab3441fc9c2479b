package org.metalearn4j.core.nn.metric;

import java.util.Arrays;
import java.util.Optional;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An embedding backbone plus a {@link MetricHead}: the whole forward computation of every metric learner. It is core's
 * {@link BackboneHeadModel} with the head's parameters declared by {@link MetricHead#module()}, so parameters are
 * named {@code backbone.<backbone name>} and {@code head.<head name>} and batch-norm statistics live under
 * {@code backbone.}; the two parts are never run in sequence, the head compares embeddings instead.
 */
public final class MetricModel {
    private final BackboneHeadModel layout;
    private final MetricHead head;

    public MetricModel(Module backbone, MetricHead head) {
        this.layout = new BackboneHeadModel(backbone, head.module());
        this.head = head;
    }

    /** Fresh parameters of backbone and head, the backbone's from a pretrained BACKBONE state if given. */
    public Params init(long seed, DataType type, Optional<StateDict> pretrainedBackbone) {
        return layout.init(seed, type, pretrainedBackbone);
    }

    /** Embeddings {@code [n, d]} of a batch of inputs. */
    public Tensor embed(Params params, Tensor x, ForwardContext ctx) {
        return layout.features(params, x, ctx);
    }

    /** Query logits from already embedded support and query sets. */
    public Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query) {
        return head.logits(params.scope(BackboneHeadModel.HEAD), support, labels, query);
    }

    /**
     * Loss and logits of one classification episode. Support and query go through the backbone as one batch (one
     * forward and one backward pass per episode, and batch norm sees the whole episode).
     */
    public EpisodeResult episode(Params params, Task task, ForwardContext ctx) {
        DataType type = params.tensors().get(0).dataType();
        SupportLabels labels = new SupportLabels(classLabels(task.support().y(), task.domain() + " support"),
                task.ways());
        int[] queryLabels = classLabels(task.query().y(), task.domain() + " query");
        int s = task.support().size();
        INDArray x = Nd4j.concat(0, task.support().x().castTo(type), task.query().x().castTo(type));
        Tensor embedded = embed(params, Tensor.constant(x), ctx);
        Tensor support = embedded.slice(0, 0, s);
        Tensor query = embedded.slice(0, s, embedded.shape()[0]);
        MetricHead.Scored scored = head.score(params.scope(BackboneHeadModel.HEAD), support, labels, query,
                queryLabels);
        return new EpisodeResult(scored.loss(), scored.logits(), queryLabels);
    }

    /** Integer class labels from a rank-1 label array; fails naming {@code what} otherwise. */
    public static int[] classLabels(INDArray y, String what) {
        if (y.rank() != 1) {
            throw new IllegalArgumentException(what + ": expected rank-1 class labels, got shape "
                    + Arrays.toString(y.shape()));
        }
        return y.castTo(DataType.INT).toIntVector();
    }
}
