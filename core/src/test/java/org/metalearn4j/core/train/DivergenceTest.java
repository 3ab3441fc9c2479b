package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Sgd;
import org.metalearn4j.core.optim.SgdConfig;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.train.testing.BlobsConfig;
import org.metalearn4j.core.train.testing.BlobsDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Issue 25, item 1: a non-finite loss, gradient or parameter stops training at that iteration, before the step is
 * published or checkpointed, so the newest checkpoint is always the last finite state; NaN checkpoints and NaN
 * predictions are refused. Checked for a learner of any kind (a plugin's), through the shared loops.
 */
class DivergenceTest {
    private static final TaskSource TASKS = new BlobsDataset(new BlobsConfig(4, 6, 6, 0.5, 1))
            .episodes("meta-train", new EpisodeSpec(2, 1, 1));

    /** A learner whose step i reports {@code losses[i]} and sets its one parameter array to {@code weights[i]}. */
    private static class Scripted implements Learner {
        private final double[] losses;
        private final double[] weights;
        private final INDArray w = Nd4j.zeros(DataType.FLOAT, 3);
        private int steps;

        Scripted(double[] losses, double[] weights) {
            this.losses = losses;
            this.weights = weights;
        }

        @Override
        public StepMetrics step(List<Task> batch) {
            w.assign(weights[steps]);
            return StepMetrics.of(losses[steps++], 0.5);
        }

        @Override
        public Adapter adapter() {
            double v = w.getDouble(0);
            return (support, type, ways) -> x -> Nd4j.zeros(DataType.FLOAT, x.size(0), ways).assign(v);
        }

        @Override
        public StateDict state() {
            return new StateDict().put("w", w).putLongs("steps", steps);
        }

        @Override
        public void load(StateDict state) {
            w.assign(state.get("w"));
            steps = (int) state.getLongs("steps")[0];
        }

        @Override
        public StateDict backbone() {
            return new StateDict().put("w", w);
        }
    }

    private static List<Integer> runUntilDiverged(Learner learner, List<Object> published) {
        List<Integer> checkpointed = new ArrayList<>();
        MetaTrainingLoop loop = new MetaTrainingLoop(learner, TASKS, LoopPlan.of(6, 1, 7)
                .withCheckpointEvery(Every.iterations(1)), "accuracy")
                .events(published::add)
                .checkpoints((l, it, recent) -> {
                    TrainingCheckpoint.of(l, it, recent, "{}", Provenance.current(7));
                    checkpointed.add(it);
                    return "ckpt-" + it;
                });
        assertThatThrownBy(() -> loop.run(LoopStart.fresh(), () -> false))
                .isInstanceOf(TrainingDivergedException.class);
        return checkpointed;
    }

    @Test
    void aNanLossStopsAtItsIterationBeforeItIsPublishedOrCheckpointed() {
        List<Object> published = new ArrayList<>();
        Scripted learner = new Scripted(new double[] {1, 2, Double.NaN, 4, 5, 6}, new double[] {1, 1, 1, 1, 1, 1});
        MetaTrainingLoop loop = new MetaTrainingLoop(learner, TASKS, LoopPlan.of(6, 1, 7), "accuracy");
        assertThatThrownBy(() -> loop.run(LoopStart.fresh(), () -> false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training diverged at iteration 3: the loss is NaN")
                .satisfies(e -> assertThat(((TrainingDivergedException) e).iteration()).isEqualTo(3));

        assertThat(runUntilDiverged(new Scripted(new double[] {1, 2, Double.NaN, 4, 5, 6},
                new double[] {1, 1, 1, 1, 1, 1}), published)).containsExactly(1, 2);
        assertThat(published).filteredOn(StepEvent.class::isInstance).extracting(e -> ((StepEvent) e).iteration())
                .containsExactly(1, 2);
    }

    @Test
    void nanOrInfParametersStopTheRunEvenWhenTheLossStaysFinite() {
        // A ReLU or max-pool turns NaN weights into a constant, finite loss: the parameters must be checked too.
        List<Object> published = new ArrayList<>();
        double[] finite = {1.6, 1.6, 1.6, 1.6, 1.6, 1.6};
        assertThat(runUntilDiverged(new Scripted(finite, new double[] {1, 2, Double.NaN, 1, 1, 1}), published))
                .containsExactly(1, 2);
        Scripted inf = new Scripted(finite, new double[] {1, Double.POSITIVE_INFINITY, 1, 1, 1, 1});
        assertThatThrownBy(() -> new MetaTrainingLoop(inf, TASKS, LoopPlan.of(6, 1, 7), "accuracy")
                .run(LoopStart.fresh(), () -> false))
                .hasMessage("training diverged at iteration 2: after the update, parameter w (3 of 3 values are NaN"
                        + " or Inf)");
    }

    @Test
    void inCheckModeTheOpThatProducedTheFirstNanIsNamed() {
        Learner logOfNegative = new Scripted(new double[] {1, 1}, new double[] {1, 1}) {
            @Override
            public StepMetrics step(List<Task> batch) {
                Tensor x = Tensor.variable(Nd4j.create(new float[] {-1f, 2f}));
                return StepMetrics.of(x.log().sum().item(), 0.5);
            }
        };
        try (Scope check = Autograd.checkNumerics()) {
            assertThatThrownBy(() -> new MetaTrainingLoop(logOfNegative, TASKS, LoopPlan.of(2, 1, 7), "accuracy")
                    .run(LoopStart.fresh(), () -> false))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageStartingWith("training diverged at iteration 1: op 'log' produced NaN or Inf")
                    .hasMessageEndingWith("(Autograd.checkNumerics)");
        }
    }

    @Test
    void aCheckpointWithNonFiniteValuesIsNeitherWrittenNorLoaded() {
        Scripted learner = new Scripted(new double[] {1}, new double[] {Double.NaN});
        learner.step(List.of());
        assertThatThrownBy(() -> TrainingCheckpoint.of(learner, 4, List.of(), "{}", Provenance.current(1)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("iteration 4: the learner's state entry w (3 of 3 values are NaN or Inf)")
                .hasMessageContaining("no checkpoint was written");

        StateDict nan = new StateDict().put("learner.w", Nd4j.create(new float[] {1f, Float.NaN}));
        Checkpoint diverged = new Checkpoint(9, nan, "{}", Provenance.current(1));
        assertThatThrownBy(() -> TrainingCheckpoint.learnerState(diverged, "runs/x/ckpt-9.ml4j"))
                .isInstanceOf(CheckpointException.class)
                .hasMessage("checkpoint runs/x/ckpt-9.ml4j (iteration 9) holds non-finite values: learner.w (1 of 2"
                        + " values are NaN or Inf); the run had diverged when it was written. Use an earlier"
                        + " checkpoint");
    }

    @Test
    void aStateThatDoesNotFitTheLearnerNamesTheCheckpoint() {
        Scripted learner = new Scripted(new double[] {1}, new double[] {1});
        StateDict other = new StateDict().put("learner.v", Nd4j.zeros(DataType.FLOAT, 3));
        Checkpoint foreign = new Checkpoint(2, other, "{}", Provenance.current(1));
        assertThatThrownBy(() -> TrainingCheckpoint.restore(foreign, "runs/y/ckpt-2.ml4j", learner))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("checkpoint runs/y/ckpt-2.ml4j does not fit the configured learner: ")
                .hasMessageContaining("no entry 'w'");
        StateDict wider = new StateDict().put("learner.w", Nd4j.zeros(DataType.FLOAT, 5)).putLongs("learner.steps", 2);
        Checkpoint wide = new Checkpoint(2, wider, "{}", Provenance.current(1));
        assertThatThrownBy(() -> TrainingCheckpoint.restore(wide, "runs/y/ckpt-2.ml4j", learner))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("checkpoint runs/y/ckpt-2.ml4j does not fit the configured learner: entry 'w'"
                        + " has shape [5] there but [3] in the learner");
    }

    @Test
    void predictionsThatAreNotFiniteFailTheEvaluation() {
        Scripted learner = new Scripted(new double[] {1}, new double[] {Double.NaN});
        learner.step(List.of());
        assertThatThrownBy(() -> Evaluator.evaluate(learner.adapter(), TASKS, 3, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the adapter predicted NaN or Inf for episode 0 of test-blobs/meta-train");
    }

    @Test
    void aMiniBatchLoopStopsWhenItsParametersStopBeingFinite() {
        Params params = Params.of(Map.of("w", Tensor.variable(Nd4j.create(new float[] {1f, 2f}))));
        Examples data = new Examples(Nd4j.rand(DataType.FLOAT, 4, 2), Nd4j.createFromArray(0L, 1L, 0L, 1L));
        MiniBatchLoop loop = MiniBatchLoop.uniform(data, 4, 3);
        // Loss w^4 * 1e30 with step size 1e30: the first update overflows to Inf.
        assertThatThrownBy(() -> loop.run(5, params, new Sgd(SgdConfig.of(1e30)), (batch, it) ->
                new MiniBatchLoop.BatchLoss(params.get("w").square().square().sum().mul(1e30), null),
                StageProgress.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training diverged at iteration 1: ");
    }

    @Test
    void theCheckFindsNanAndInfButNotLargeFiniteValuesWhoseSumOverflows() {
        assertThat(FiniteCheck.isFinite(Nd4j.create(new float[] {3e38f, 3e38f, 3e38f}))).isTrue();
        assertThat(FiniteCheck.isFinite(Nd4j.create(new float[] {1f, Float.NaN}))).isFalse();
        assertThat(FiniteCheck.isFinite(Nd4j.create(new double[] {Double.NEGATIVE_INFINITY}))).isFalse();
        assertThat(FiniteCheck.isFinite(Nd4j.createFromArray(3L, 4L))).isTrue();
        assertThat(FiniteCheck.firstNonFinite(Map.of("a", Nd4j.create(new float[] {Float.NaN, 1f, Float.NaN}))))
                .contains("a (2 of 3 values are NaN or Inf)");
    }
}
