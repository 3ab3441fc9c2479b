package org.metalearn4j.core.tensor;

import org.nd4j.linalg.ops.transforms.Transforms;

/** exp, log, sqrt, pow, square and abs. */
final class Elementwise {
    private Elementwise() {
    }

    static Tensor exp(Tensor x) {
        return Tensor.record("exp", Transforms.exp(x.value(), true),
                (out, g, needs) -> new Tensor[] {g.mul(out)}, x);
    }

    static Tensor log(Tensor x) {
        return Tensor.record("log", Transforms.log(x.value(), true),
                (out, g, needs) -> new Tensor[] {g.div(x)}, x);
    }

    static Tensor sqrt(Tensor x) {
        return Tensor.record("sqrt", Transforms.sqrt(x.value(), true),
                (out, g, needs) -> new Tensor[] {g.div(out).mul(0.5)}, x);
    }

    static Tensor pow(Tensor x, double p) {
        if (p == 2.0) {
            return square(x);
        }
        return Tensor.record("pow", Transforms.pow(x.value(), p, true),
                (out, g, needs) -> new Tensor[] {g.mul(x.pow(p - 1.0)).mul(p)}, x);
    }

    static Tensor square(Tensor x) {
        return Tensor.record("square", x.value().mul(x.value()),
                (out, g, needs) -> new Tensor[] {g.mul(x).mul(2.0)}, x);
    }

    static Tensor abs(Tensor x) {
        return Tensor.record("abs", Transforms.abs(x.value(), true),
                (out, g, needs) -> new Tensor[] {g.mul(Tensor.constant(Transforms.sign(x.value(), true)))}, x);
    }
}
