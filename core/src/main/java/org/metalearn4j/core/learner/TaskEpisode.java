package org.metalearn4j.core.learner;

import java.util.Map;
import java.util.function.Function;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One task as a gradient-based meta-learner's {@link TaskwiseLearner#computeTask} sees it: its support and query sets
 * in the parameters' data type, and a forward context of its own (so batch norm uses this task's statistics, and
 * dropout draws from a seed that depends only on the step and the task's index, never on which thread runs it).
 *
 * @param support the support set's inputs, loss and metric
 * @param query   the query set's
 * @param ctx     the task's training context
 */
public record TaskEpisode(TaskLoss support, TaskLoss query, ForwardContext ctx) {
    /**
     * Runs {@code body} on task {@code index} of meta-step {@code step} inside a {@link StepArena}, so that the next
     * task of this thread reuses this one's memory; {@code body}'s result must be copied out of the arena (as
     * {@link MetaGradients#of} does).
     *
     * @param meta the meta-parameters; their data type is the task's
     * @param seed the learner's seed, from which the task's context seed is derived
     */
    public static TaskResult run(Task task, Params meta, long seed, long step, int index,
                                 Function<TaskEpisode, TaskResult> body) {
        DataType dataType = meta.tensors().get(0).dataType();
        try (StepArena arena = StepArena.open()) {
            return body.apply(new TaskEpisode(TaskLoss.of(task.support(), task.type(), dataType),
                    TaskLoss.of(task.query(), task.type(), dataType),
                    ForwardContext.training(Seeds.derive(seed, step, index))));
        }
    }

    /**
     * The meta-gradient of the query loss after {@code steps} updates of {@code start} by {@code rule} on the support
     * set: MAML's objective for any update rule. The loss is differentiated with respect to every tensor of
     * {@code meta}, through the updates when {@code secondOrder}.
     */
    public TaskResult adaptedQueryGradient(Params meta, Module net, Params start, UpdateRule rule, int steps,
                                           boolean secondOrder) {
        Params fast = InnerLoop.adapt(net, start, support.x(), support, rule, steps, secondOrder, ctx);
        Tensor output = net.forward(fast, query.x(), ctx);
        Tensor loss = query.loss(output);
        return MetaGradients.of(meta, loss, loss.item(), query.metric(output), Map.of());
    }
}
