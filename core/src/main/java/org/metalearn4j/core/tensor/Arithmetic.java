package org.metalearn4j.core.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Add, subtract, multiply and divide with numpy broadcasting, and their scalar forms. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Tensor add(Tensor a, Tensor b) {
        check("add", a, b);
        return Tensor.record("add", BinaryKernels.ADD.apply(a.value(), b.value()), (out, g, needs) -> new Tensor[] {
            needs[0] ? g.sumToShape(a.shape()) : null,
            needs[1] ? g.sumToShape(b.shape()) : null}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        check("sub", a, b);
        return Tensor.record("sub", BinaryKernels.SUB.apply(a.value(), b.value()), (out, g, needs) -> new Tensor[] {
            needs[0] ? g.sumToShape(a.shape()) : null,
            needs[1] ? g.neg().sumToShape(b.shape()) : null}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        check("mul", a, b);
        return Tensor.record("mul", BinaryKernels.MUL.apply(a.value(), b.value()), (out, g, needs) -> new Tensor[] {
            needs[0] ? g.mul(b).sumToShape(a.shape()) : null,
            needs[1] ? g.mul(a).sumToShape(b.shape()) : null}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        check("div", a, b);
        return Tensor.record("div", BinaryKernels.DIV.apply(a.value(), b.value()), (out, g, needs) -> new Tensor[] {
            needs[0] ? g.div(b).sumToShape(a.shape()) : null,
            // d(a/b)/db = -a/b^2, written with a and b (not out) so that higher orders stay exact
            needs[1] ? g.mul(a).div(b.square()).neg().sumToShape(b.shape()) : null}, a, b);
    }

    /**
     * {@code a + alpha * b} for equal shapes in one native call (the SGD step of inner loops), with a one-call
     * first-order backward for b; other shapes take the composed broadcasting path.
     */
    static Tensor addScaled(Tensor a, Tensor b, double alpha) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            return add(a, mulScalar(b, alpha));
        }
        Shapes.sameType("addScaled", a, b);
        INDArray z = Nd4j.createUninitialized(a.dataType(), a.value().shape(), 'c');
        // libnd4j axpy with inputs (y, x) computes y + alpha * x
        Nd4j.exec(DynamicCustomOp.builder("axpy").addInputs(a.value(), b.value()).addOutputs(z)
                .addFloatingPointArguments(alpha).build());
        return Tensor.record("addScaled", z, (out, g, needs) -> new Tensor[] {g, needs[1] ? g.mul(alpha) : null},
                a, b);
    }

    static Tensor addScalar(Tensor a, double c) {
        return Tensor.record("add", a.value().add(c), (out, g, needs) -> new Tensor[] {g}, a);
    }

    static Tensor mulScalar(Tensor a, double c) {
        INDArray scaled = SmallVectorOps.scale(a.value(), c);
        return Tensor.record("mul", scaled != null ? scaled : a.value().mul(c),
                (out, g, needs) -> new Tensor[] {g.mul(c)}, a);
    }

    private static void check(String op, Tensor a, Tensor b) {
        Shapes.sameType(op, a, b);
        if (!Arrays.equals(a.shape(), b.shape())) {
            Shapes.broadcast(op, a.shape(), b.shape());
        }
    }
}
