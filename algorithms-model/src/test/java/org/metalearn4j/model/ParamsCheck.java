package org.metalearn4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Gradient checks of whole objectives with respect to every parameter, as core's GradCheck takes functions. */
public final class ParamsCheck {
    private ParamsCheck() {
    }

    /** {@code f} as a function of the parameters' tensors in {@code p}'s order (then any further inputs). */
    public static Function<List<Tensor>, Tensor> withParams(Params p, Function<Params, Tensor> f) {
        List<String> names = p.names();
        return xs -> f.apply(Params.of(names, xs.subList(0, names.size())));
    }

    /** The parameters' values, in order, as a mutable list (append further inputs). */
    public static List<INDArray> values(Params p) {
        return new ArrayList<>(p.tensors().stream().map(Tensor::value).toList());
    }
}
