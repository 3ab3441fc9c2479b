package org.metalearn4j.model.taskembed;

import static org.metalearn4j.model.ParamsCheck.values;
import static org.metalearn4j.model.ParamsCheck.withParams;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.model.DeclaredParameters;
import org.metalearn4j.model.SinusoidTasks;
import org.nd4j.linalg.api.buffer.DataType;

/** The task encoder's distance objective, differentiated against float64 finite differences. */
class TaskEncoderGradientTest {

    @Test
    void stressGradientsMatchFiniteDifferences() {
        RidgeSolutions ridge = new RidgeSolutions(1, 4, 1.0, 0.1, 5);
        SetEncoder set = new SetEncoder(LearnedTaskEncoder.elementWidth(ridge, 1, 1), 4, 1, 3);
        LearnedTaskEncoder encoder = new LearnedTaskEncoder(set, ridge, 1, 1);
        TaskEncoderObjective objective = new TaskEncoderObjective(encoder, ridge, List::of);
        Params p = new DeclaredParameters(set.parameterSpecs().stream().map(s -> s.prefixed("encoder")).toList())
                .init(2, DataType.DOUBLE);
        SinusoidTasks tasks = new SinusoidTasks(5, 5);
        List<Task> batch = List.of(tasks.sample(1), tasks.sample(2), tasks.sample(3), tasks.sample(4));
        GradCheck.firstOrder(withParams(p, q -> objective.loss(q, batch, ForwardContext.eval()).loss()), values(p));
    }
}
