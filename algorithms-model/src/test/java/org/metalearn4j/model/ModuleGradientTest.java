package org.metalearn4j.model;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.taskembed.SetEncoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shared set encoder's first and second derivatives against float64 finite differences, with respect to its
 * parameters and its input. The learners' whole objectives are checked in their own packages' gradient tests.
 */
class ModuleGradientTest {

    @Test
    void setEncoder() {
        SetEncoder e = new SetEncoder(3, 4, 2, 2);
        Params p = e.init(1, DataType.DOUBLE);
        List<INDArray> inputs = ParamsCheck.values(p);
        inputs.add(GradCheck.random(2, 5, 3));
        List<String> names = p.names();
        Function<List<Tensor>, Tensor> f = xs -> e.forward(Params.of(names, xs.subList(0, names.size())),
                xs.get(names.size()), ForwardContext.eval());
        GradCheck.firstOrder(f, inputs);
        GradCheck.secondOrder(f, inputs);
    }
}
