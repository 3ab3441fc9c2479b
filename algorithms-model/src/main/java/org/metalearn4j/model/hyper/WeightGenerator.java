package org.metalearn4j.model.hyper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.tensor.Distances;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.DeclaredParameters;
import org.metalearn4j.model.taskembed.SetEncoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Few-shot classification by generated class weights (Gidaris and Komodakis 2018; Qiao et al. 2018) over a backbone's
 * embeddings. For an episode with support embeddings {@code f_i}:
 * <ul>
 *   <li>each class's prototype {@code p_k} is the mean of its support embeddings, L2-normalised first for the cosine
 *       classifier;</li>
 *   <li>a task encoder ({@link SetEncoder} over all support embeddings, label-free so the class order does not
 *       matter) gives the context {@code c}, followed by the task descriptor when configured;</li>
 *   <li>the class weight is {@code w_k = a * p_k + g * G([p_k, c])}: the prototype, for the cosine classifier scaled
 *       per dimension by the learned {@code a} (Gidaris and Komodakis' {@code phi_avg}), plus a generator MLP's
 *       correction that sees the whole task, gated by the learned scalar {@code g} which starts at 0;</li>
 *   <li>the logits are {@code s * cos(f_query, w_k)} with a learned scale {@code s} (cosine), or
 *       {@code -||f_query - w_k||^2} (euclidean).</li>
 * </ul>
 * At initialisation this is a prototype classifier (the euclidean one is ProtoNet's); training makes the generator
 * use the task context. It is core's {@link BackboneHeadModel} with the generator as the head: parameters
 * {@code backbone.*} (so pretrained backbones load) and {@code head.context.*}, {@code head.generator.*},
 * {@code head.gate}, and for cosine {@code head.prototypeScale}, {@code head.scale}.
 */
public final class WeightGenerator {
    static final String NAME = "weightgen";
    private static final double EPS = 1e-8;
    private final BackboneHeadModel layout;
    private final SetEncoder context;
    private final Sequential generator;
    private final int descriptorSize;
    private final boolean cosine;

    /**
     * @param backbone     the embedding network
     * @param featureSize  its embedding width
     */
    public WeightGenerator(Module backbone, int featureSize, WeightGenConfig config) {
        this.context = new SetEncoder(featureSize, config.contextSize(), 1, config.contextSize());
        this.generator = Mlp.of(featureSize + config.contextSize() + config.descriptorSize(),
                config.generatorHidden(), featureSize);
        this.descriptorSize = config.descriptorSize();
        this.cosine = config.distance() == Distance.COSINE;
        List<ParameterSpec> head = new ArrayList<>();
        context.parameterSpecs().forEach(s -> head.add(s.prefixed("context")));
        generator.parameterSpecs().forEach(s -> head.add(s.prefixed("generator")));
        head.add(new ParameterSpec("gate", new long[] {1}, Init.zeros()));
        if (cosine) {
            head.add(new ParameterSpec("prototypeScale", new long[] {featureSize}, Init.ones()));
            head.add(new ParameterSpec("scale", new long[] {1}, new Init.Constant(config.initialScale())));
        }
        this.layout = new BackboneHeadModel(backbone, new DeclaredParameters(head));
    }

    /** Fresh parameters, the backbone's from a pretrained BACKBONE state if given. */
    public Params init(long seed, DataType type, Optional<org.metalearn4j.core.state.StateDict> backbone) {
        return layout.init(seed, type, backbone);
    }

    /** Embeddings {@code [n, d]}. */
    Tensor embed(Params p, Tensor x, ForwardContext ctx) {
        return layout.features(p, x, ctx);
    }

    /**
     * The generated class weights {@code [ways, d]} from support embeddings and their labels.
     *
     * @param descriptor the task's descriptor row {@code [1, descriptorSize]}, or null when not configured
     */
    Tensor classWeights(Params p, Tensor support, int[] labels, int ways, Tensor descriptor) {
        Params head = p.scope(BackboneHeadModel.HEAD);
        Tensor source = cosine ? support.div(support.square().sum(true, 1).add(EPS).sqrt()) : support;
        Tensor prototypes = Tensor.constant(classMeans(labels, ways, support.dataType())).matmul(source);
        Tensor c = context.forward(head.scope("context"), support, ForwardContext.eval());
        List<Tensor> in = new ArrayList<>(List.of(prototypes, c.expand(ways, c.shape()[1])));
        if (descriptor != null) {
            in.add(descriptor.expand(ways, descriptorSize));
        }
        Tensor correction = generator.forward(head.scope("generator"), Tensor.concat(1, in), ForwardContext.eval());
        Tensor base = cosine ? prototypes.mul(head.get("prototypeScale")) : prototypes;
        return base.add(correction.mul(head.get("gate")));
    }

    /** The classifier's logits {@code [queries, ways]}. */
    Tensor logits(Params p, Tensor weights, Tensor queries) {
        if (!cosine) {
            return Distances.pairwiseSquaredEuclidean(queries, weights).neg();
        }
        Tensor scale = p.scope(BackboneHeadModel.HEAD).get("scale");
        return Distances.cosineSimilarity(queries, weights, EPS).mul(scale);
    }

    /** {@code [ways, n]} with {@code 1 / count(k)} where example i has label k: the matrix of class means. */
    private static INDArray classMeans(int[] labels, int ways, DataType type) {
        int[] counts = new int[ways];
        for (int label : labels) {
            if (label < 0 || label >= ways) {
                throw new IllegalArgumentException("weightgen: support label " + label + " outside [0, " + ways + ")");
            }
            counts[label]++;
        }
        for (int k = 0; k < ways; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("weightgen: class " + k + " of " + ways + " has no support example"
                        + " (labels " + Arrays.toString(labels) + ")");
            }
        }
        INDArray m = Nd4j.zeros(type, ways, labels.length);
        for (int i = 0; i < labels.length; i++) {
            m.putScalar(labels[i], i, 1.0 / counts[labels[i]]);
        }
        return m;
    }
}
