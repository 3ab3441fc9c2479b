package org.metalearn4j.model.generative.metagan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * MetaGAN's generator: fake examples for one task, conditioned on its support set. The task embedding is the mean
 * over the support examples of a ReLU projection ({@code encoder.*}); each fake example is the decoder
 * ({@code decoder.*}: a ReLU MLP, or a convolutional decoder for images) of the embedding and its own Gaussian noise,
 * ending in a sigmoid.
 */
final class TaskGenerator {
    static final String ENCODER = "encoder";
    static final String DECODER = "decoder";

    private final long[] exampleShape;
    private final int values;
    private final int noise;
    private final Module encoder;
    private final Module decoder;
    private final Sequential layout;

    TaskGenerator(long[] exampleShape, GeneratorSettings settings) {
        this.exampleShape = exampleShape.clone();
        this.values = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        this.noise = settings.noise();
        this.encoder = new Linear(values, settings.taskEmbedding());
        this.decoder = settings.architecture().decoder(settings.noise() + settings.taskEmbedding(), exampleShape,
                settings.hidden(), settings.channels());
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put(ENCODER, encoder);
        parts.put(DECODER, decoder);
        // declares the parameters of both parts; they are run separately
        this.layout = Sequential.named(parts);
    }

    /** Fresh parameters; parameter {@code i} drawn from {@code Seeds.derive(seed, i)}. */
    Params init(long seed, DataType type) {
        return layout.init(seed, type);
    }

    /**
     * {@code count} fake examples {@code [count, exampleShape...]} for the task whose support inputs are
     * {@code support [s, exampleShape...]}; differentiable in the generator's parameters.
     */
    Tensor generate(Params params, Tensor support, int count, Noise draws) {
        long s = support.shape()[0];
        ForwardContext none = ForwardContext.eval();
        Tensor embedding = encoder.forward(params.scope(ENCODER), support.reshape(s, values), none).relu()
                .mean(true, 0);
        long width = embedding.shape()[1];
        Tensor input = Tensor.concat(1, List.of(draws.next(support.dataType(), count, noise),
                embedding.expand(count, width)));
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = count;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return decoder.forward(params.scope(DECODER), input, none).sigmoid().reshape(shape);
    }
}
