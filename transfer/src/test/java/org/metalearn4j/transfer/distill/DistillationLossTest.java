package org.metalearn4j.transfer.distill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

class DistillationLossTest {
    private final int[] labels = {0, 2, 1, 2, 0};

    @Test
    void gradientMatchesFiniteDifferencesInFloat64() {
        INDArray teacher = GradCheck.random(1, 5, 3);
        GradCheck.firstOrder(xs -> DistillationLoss.of(xs.get(0), teacher, labels, 2.5, 0.7),
                List.of(GradCheck.random(2, 5, 3)));
    }

    @Test
    void klTermIsZeroWhenStudentEqualsTeacher() {
        INDArray teacher = GradCheck.random(3, 5, 3);
        double loss = DistillationLoss.of(Tensor.variable(teacher.dup()), teacher, null, 4.0, 0.0).item();
        assertThat(loss).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void studentApproachesTheTeacher() {
        // Teacher: a fixed linear map; student: a differently initialised linear map trained on soft targets only.
        INDArray x = GradCheck.random(4, 64, 6);
        INDArray teacherW = GradCheck.random(5, 6, 4).muli(2);
        INDArray teacherLogits = x.mmul(teacherW);
        Params student = Params.of(List.of("w"), List.of(Tensor.variable(GradCheck.random(6, 6, 4))));
        Adam adam = new Adam(AdamConfig.of(0.1));
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 100; step++) {
            Tensor logits = Tensor.constant(x).matmul(student.get("w"));
            Tensor loss = DistillationLoss.of(logits, teacherLogits, null, 2.0, 0.0);
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
            adam.step(student, student.grad(loss, false));
        }
        assertThat(last).isLessThan(0.02 * first);
        INDArray studentLogits = x.mmul(student.get("w").value());
        long agree = 0;
        for (int i = 0; i < 64; i++) {
            agree += studentLogits.getRow(i).argMax().getLong(0) == teacherLogits.getRow(i).argMax().getLong(0) ? 1 : 0;
        }
        assertThat(agree).isGreaterThanOrEqualTo(60);
    }
}
