package org.metalearn4j.model.taskembed;

import java.util.List;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.KnownTasks;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.TaskEncoder;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * "Nearest known task" adaptation: the new support set is embedded, the known task with the nearest embedding is
 * found ({@link KnownTasks}), and the ridge regression on the support set is pulled towards that task's solution
 * instead of towards zero ({@link RidgeSolutions#solve} with it as the prior). With no known task it is the cold
 * ridge regression.
 */
final class WarmStartAdapter implements Adapter {
    private final TaskEncoder encoder;
    private final RidgeSolutions ridge;
    private final KnownTasks<double[][]> known;
    private final int xDim;
    private final int yDim;

    WarmStartAdapter(TaskEncoder encoder, RidgeSolutions ridge, List<KnownSolution> tasks, int xDim, int yDim) {
        this.encoder = encoder;
        this.ridge = ridge;
        this.xDim = xDim;
        this.yDim = yDim;
        KnownTasks<double[][]> k = KnownTasks.empty();
        for (KnownSolution t : tasks) {
            k = k.with(encoder.encode(t.support()), t.solution());
        }
        this.known = k;
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        if (type != TaskType.REGRESSION) {
            throw new IllegalArgumentException("task-encoder's warm start fits regression tasks; got a " + type
                    + " task");
        }
        if (support.size() == 0) {
            throw new IllegalArgumentException("empty support set: the warm start needs at least one point");
        }
        support.requireFinite("support set");
        double[][] prior = known.size() == 0 ? null : known.nearest(encoder.encode(support)).solution();
        double[][] w = ridge.solve(Points.rows(support.x(), xDim), Points.rows(support.y(), yDim), prior);
        return x -> Nd4j.create(ridge.predict(w, Points.rows(x, xDim))).castTo(DataType.FLOAT);
    }
}
