package org.metalearn4j.transfer.distill;

import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Knowledge distillation (Hinton, Vinyals and Dean 2015):
 * {@code T^2 * KL(softmax(teacher/T) || softmax(student/T)) + alpha * CE(student, labels)}, batch-averaged. The
 * {@code T^2} keeps the soft-target gradients on the same scale as the hard-label ones when {@code T} changes.
 */
public final class DistillationLoss {
    private DistillationLoss() {
    }

    /**
     * @param student        [n, c] student logits (differentiable)
     * @param teacherLogits  [n, c] teacher logits (constants)
     * @param labels         hard labels for the CE term, or {@code null} when {@code alpha == 0}
     * @param temperature    {@code T > 0}
     * @param alpha          weight of the hard-label cross-entropy, {@code >= 0}
     */
    public static Tensor of(Tensor student, INDArray teacherLogits, int[] labels, double temperature, double alpha) {
        if (!(temperature > 0) || !(alpha >= 0)) {
            throw new IllegalArgumentException("distillation needs temperature > 0 and alpha >= 0, got " + temperature
                    + ", " + alpha);
        }
        long n = student.shape()[0];
        INDArray teacherScaled = teacherLogits.castTo(student.dataType()).div(temperature);
        INDArray logPt = teacherScaled.sub(logSumExp(teacherScaled));
        INDArray pt = Transforms.exp(logPt, true);
        Tensor logPs = student.div(temperature).logSoftmax(1);
        // KL(pt || ps) = sum pt (log pt - log ps); the pt log pt part is constant but keeps the value a true KL.
        Tensor kl = Tensor.constant(pt).mul(Tensor.constant(logPt).sub(logPs)).sum().mul(1.0 / n);
        Tensor loss = kl.mul(temperature * temperature);
        if (alpha > 0) {
            if (labels == null) {
                throw new IllegalArgumentException("distillation with alpha > 0 needs hard labels");
            }
            loss = loss.add(Losses.crossEntropy(student, labels).mul(alpha));
        }
        return loss;
    }

    /** Row-wise log-sum-exp as an [n, 1] column, shifted by the row max for stability. */
    private static INDArray logSumExp(INDArray z) {
        INDArray max = z.max(true, 1);
        return Transforms.log(Transforms.exp(z.sub(max), false).sum(true, 1), false).addi(max);
    }
}
