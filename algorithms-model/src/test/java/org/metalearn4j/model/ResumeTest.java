package org.metalearn4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every learner of the module, found by name through {@link ServiceLoader}, trained by core's loop for 4 iterations
 * straight and for 2 iterations, checkpointed to disk, restored into a fresh learner and trained 2 more: the final
 * states are bitwise equal and the adapters predict identically (weight generation with a Conv4 backbone, so
 * batch-norm statistics are part of it; the task encoder with its known tasks).
 */
class ResumeTest {
    private static final long[] IMAGE = {1, 16, 16};

    @TempDir
    Path dir;

    static Stream<Arguments> learners() {
        TaskSource sinusoid = new SinusoidTasks(6, 4, 2);
        TaskSource blobs = new BlobEpisodes(12, 1, 6, 0.5, 3, 2, 2, new long[] {6});
        TaskSource images = new BlobEpisodes(12, 2, 256, 0.5, 3, 2, 2, IMAGE);
        String np = "{hidden: 8, heads: 2, latentSize: 4, encoderLayers: 1, decoderLayers: 1, evalSamples: 2}";
        return Stream.of(
                Arguments.of("cnp", np, sinusoid, new long[] {1}),
                Arguments.of("np", np, sinusoid, new long[] {1}),
                Arguments.of("anp", np, sinusoid, new long[] {1}),
                Arguments.of("hypernet", "{encoderHidden: 8, embeddingSize: 4, hidden: [8], descriptorSize: 2}",
                        sinusoid, new long[] {1}),
                Arguments.of("task-encoder", "{hidden: 8, embeddingSize: 4, features: 8, knownTasks: 5}", sinusoid,
                        new long[] {1}),
                Arguments.of("weightgen", "{backbone: {type: conv4, channels: 4}, contextSize: 4,"
                        + " generatorHidden: 4}", images, IMAGE),
                Arguments.of("mann", "{controllerSize: 6, memorySlots: 5, memoryWidth: 3, readHeads: 2}", blobs,
                        new long[] {6}),
                Arguments.of("mann", "{memory: none, controllerSize: 6}", blobs, new long[] {6}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("learners")
    void aRunResumedFromACheckpointEndsBitwiseLikeAnUninterruptedOne(String name, String params, TaskSource tasks,
                                                                     long[] shape) throws IOException {
        Learner straight = Training.learner(name, params, tasks, shape);
        new MetaTrainingLoop(straight, tasks, plan(4), "loss").run(LoopStart.fresh(), () -> false);

        CheckpointStore store = new CheckpointStore(dir, 2);
        Learner first = Training.learner(name, params, tasks, shape);
        new MetaTrainingLoop(first, tasks, plan(2), "loss")
                .checkpoints((l, it, recent) -> store.save(TrainingCheckpoint.of(l, it, recent, "{}",
                        Provenance.current(7))).toString())
                .run(LoopStart.fresh(), () -> false);
        Learner resumed = Training.learner(name, params, tasks, shape);
        LoopStart start = TrainingCheckpoint.restore(store.latestGood().orElseThrow().checkpoint(), "resume-test",
                resumed);
        assertThat(start.iteration()).isEqualTo(2);
        new MetaTrainingLoop(resumed, tasks, plan(4), "loss").run(start, () -> false);

        assertThat(bytes(resumed.state())).isEqualTo(bytes(straight.state()));
        Task probe = tasks.sample(99);
        assertThat(predict(resumed, probe)).isEqualTo(predict(straight, probe));
    }

    private static LoopPlan plan(int iterations) {
        return LoopPlan.of(iterations, 3, 5).withCheckpointEvery(Every.iterations(2));
    }

    private static INDArray predict(Learner learner, Task task) {
        return learner.adapter().adapt(task.support(), task.type(), task.ways(), task.descriptor())
                .predict(task.query().x());
    }

    private static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
