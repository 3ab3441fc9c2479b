package org.metalearn4j.model.hyper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.DeclaredParameters;
import org.metalearn4j.model.taskembed.SetEncoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hypernetwork for regression: a {@link SetEncoder} reads the support pairs {@code [x, y]} into a task embedding
 * (followed by the task descriptor when configured), and a {@link GeneratedMlp} turns it into the weights of the
 * network that predicts the query targets. Parameters {@code encoder.*} and {@code generator.*}.
 */
public final class Hypernetwork {
    static final String NAME = "hypernet";
    private final HypernetConfig config;
    private final int xDim;
    private final int yDim;
    private final SetEncoder encoder;
    private final GeneratedMlp generator;

    /** For inputs of {@code xDim} values and targets of {@code yDim}. */
    public Hypernetwork(HypernetConfig config, int xDim, int yDim) {
        this.config = config;
        this.xDim = xDim;
        this.yDim = yDim;
        this.encoder = new SetEncoder(xDim + yDim, config.encoderHidden(), config.encoderLayers(),
                config.embeddingSize());
        int[] sizes = new int[config.hidden().size() + 2];
        sizes[0] = xDim;
        for (int i = 0; i < config.hidden().size(); i++) {
            sizes[i + 1] = config.hidden().get(i);
        }
        sizes[sizes.length - 1] = yDim;
        this.generator = new GeneratedMlp(sizes, config.embeddingSize() + config.descriptorSize());
    }

    /** Fresh parameters. */
    public Params init(long seed, DataType type) {
        List<ParameterSpec> specs = new ArrayList<>();
        encoder.parameterSpecs().forEach(s -> specs.add(s.prefixed("encoder")));
        generator.parameterSpecs().forEach(s -> specs.add(s.prefixed("generator")));
        return new DeclaredParameters(specs).init(seed, type);
    }

    /** The generated network's weights for a support set (and the task's descriptor when configured). */
    List<Tensor> weights(Params p, Examples support, Optional<INDArray> descriptor, String task, DataType type) {
        if (support.size() == 0) {
            throw new IllegalArgumentException(task + ": empty support set; the hypernetwork needs at least one point");
        }
        Tensor pairs = Tensor.concat(1, List.of(inputs(support.x(), type), targets(support.y(), type)));
        Tensor e = encoder.forward(p.scope("encoder"), pairs, ForwardContext.eval());
        Tensor d = TaskDescriptors.read(NAME, config.descriptorSize(), descriptor, task, type);
        return generator.weights(p.scope("generator"), d == null ? e : Tensor.concat(1, List.of(e, d)));
    }

    /** The generated network's outputs {@code [n, yDim]}. */
    Tensor predict(List<Tensor> weights, INDArray x, DataType type) {
        return generator.forward(weights, inputs(x, type));
    }

    Tensor inputs(INDArray x, DataType type) {
        return Tensor.constant(x.castTo(type).reshape(x.size(0), xDim));
    }

    Tensor targets(INDArray y, DataType type) {
        return Tensor.constant(y.castTo(type).reshape(y.size(0), yDim));
    }
}
