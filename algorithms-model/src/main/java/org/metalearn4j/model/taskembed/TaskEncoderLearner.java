package org.metalearn4j.model.taskembed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjectiveLearner;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskEncoder;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a learner-independent {@link TaskEncoder} ({@link TaskEncoderObjective}) and keeps the most recent training
 * tasks with their reference solutions as the known tasks of its warm-start adapter. State: the core learner's
 * ({@code params.*}, {@code optim.*}, {@code steps}) and the known tasks ({@code known.count},
 * {@code known.<i>.x}, {@code known.<i>.y}, {@code known.<i>.solution}), so a reloaded learner continues and adapts
 * identically.
 */
public final class TaskEncoderLearner implements Learner, TaskEncoder.Trained {
    private static final String KNOWN = "known.";
    private final LearnedTaskEncoder encoder;
    private final RidgeSolutions ridge;
    private final int capacity;
    private final Deque<KnownSolution> known = new ArrayDeque<>();
    private final EpisodeObjectiveLearner learner;

    TaskEncoderLearner(LearnedTaskEncoder encoder, RidgeSolutions ridge, int capacity,
                       java.util.function.Function<TaskEncoderObjective, EpisodeObjectiveLearner> training) {
        this.encoder = encoder;
        this.ridge = ridge;
        this.capacity = capacity;
        this.learner = training.apply(new TaskEncoderObjective(encoder, ridge, () -> List.copyOf(known)));
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        StepMetrics m = learner.step(batch);
        for (Task task : batch) {
            known.addLast(new KnownSolution(task.support(), ridge.solve(Points.inputs(task, encoder.xDim()),
                    Points.targets(task, encoder.yDim()), null)));
            if (known.size() > capacity) {
                known.removeFirst();
            }
        }
        return m;
    }

    /** The nearest-known-task warm start ({@link WarmStartAdapter}) with the current encoder and known tasks. */
    @Override
    public Adapter adapter() {
        return learner.adapter();
    }

    @Override
    public TaskEncoder taskEncoder() {
        return encoder.frozen(learner.params().scope("encoder").map(t -> Tensor.constant(t.value().dup())));
    }

    @Override
    public StateDict state() {
        StateDict s = learner.state();
        s.putLongs(KNOWN + "count", known.size());
        int i = 0;
        for (KnownSolution k : known) {
            s.put(KNOWN + i + ".x", k.support().x().castTo(DataType.FLOAT));
            s.put(KNOWN + i + ".y", k.support().y().castTo(DataType.FLOAT));
            s.put(KNOWN + i + ".solution", Nd4j.create(k.solution()));
            i++;
        }
        return s;
    }

    @Override
    public void load(StateDict state) {
        learner.load(state);
        known.clear();
        long count = state.getLongs(KNOWN + "count")[0];
        for (int i = 0; i < count; i++) {
            Examples support = new Examples(state.get(KNOWN + i + ".x").dup(), state.get(KNOWN + i + ".y").dup());
            known.addLast(new KnownSolution(support, state.get(KNOWN + i + ".solution").toDoubleMatrix()));
        }
    }

    @Override
    public StateDict backbone() {
        return learner.backbone();
    }
}
