package org.metalearn4j.model.mann;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjective;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sequence objective of a {@link MemoryAugmentedNetwork}: the meta-batch's support sets, each in its own random
 * order (from the step's random stream), run as one batch of sequences; the loss is the cross-entropy of every step's
 * prediction, averaged over steps and episodes, and the metric the accuracy over all steps. Query sets are not used
 * in training.
 *
 * <p>As an {@link Adapter} (the framework's few-shot evaluation) the network reads the support set as a sequence, in an
 * order seeded by the support set's contents, and then answers each query from the final state as one more step
 * (with the last support label as the previous label), each query independently of the others.
 */
final class MannObjective implements EpisodeObjective {
    private final MemoryAugmentedNetwork model;
    private final long seed;

    MannObjective(MemoryAugmentedNetwork model, long seed) {
        this.model = model;
        this.seed = seed;
    }

    @Override
    public Result loss(Params params, List<Task> batch, ForwardContext ctx) {
        DataType type = params.tensors().get(0).dataType();
        List<Examples> episodes = new ArrayList<>(batch.size());
        int[][] orders = new int[batch.size()][];
        for (int b = 0; b < batch.size(); b++) {
            Task task = batch.get(b);
            if (task.ways() != model.ways()) {
                throw new IllegalArgumentException("mann was built for " + model.ways() + "-way episodes; "
                        + task.domain() + " has " + task.ways());
            }
            episodes.add(task.support());
            orders[b] = EpisodeSequence.shuffled(task.support().size(), ctx.nextSeed());
        }
        EpisodeSequence seq = EpisodeSequence.of(episodes, orders, model.inputSize(), model.ways(), type);
        MemoryAugmentedNetwork.State state = model.initial(batch.size(), type);
        Tensor total = null;
        double correct = 0;
        for (int t = 0; t < seq.steps(); t++) {
            MemoryAugmentedNetwork.Step step = model.step(params, state, Tensor.constant(seq.inputs().get(t)),
                    Tensor.constant(seq.previous().get(t)));
            Tensor loss = Losses.crossEntropy(step.logits(), seq.labels().get(t));
            total = total == null ? loss : total.add(loss);
            correct += Accuracy.of(step.logits().value(), seq.labels().get(t));
            state = step.state();
        }
        return new Result(total.div(seq.steps()), correct / seq.steps(), Map.of());
    }

    @Override
    public Adapter adapter(Params params, RunningStats stats) {
        DataType type = params.tensors().get(0).dataType();
        return (support, taskType, ways) -> {
            if (taskType != TaskType.CLASSIFICATION || ways != model.ways()) {
                throw new IllegalArgumentException("mann classifies " + model.ways() + "-way episodes; got a "
                        + ways + "-way " + taskType + " task");
            }
            support.requireFinite("support set");
            int[] order = EpisodeSequence.shuffled(support.size(), Seeds.derive(seed, Double.doubleToLongBits(
                    support.x().sumNumber().doubleValue()), support.size()));
            Run run = run(params, support, order, type);
            return x -> answer(params, run, x, type);
        };
    }

    /** The network's predictions at every step of one episode: a {@link SequenceClassifier} with these params. */
    SequenceClassifier classifier(Params params) {
        DataType type = params.tensors().get(0).dataType();
        return (episode, order) -> run(params, episode, order, type).predictions();
    }

    private record Run(MemoryAugmentedNetwork.State state, int lastLabel, int[] predictions) {
    }

    private Run run(Params params, Examples episode, int[] order, DataType type) {
        try (Scope s = Autograd.noGrad()) {
            EpisodeSequence seq = EpisodeSequence.of(List.of(episode), new int[][] {order}, model.inputSize(),
                    model.ways(), type);
            MemoryAugmentedNetwork.State state = model.initial(1, type);
            int[] predictions = new int[seq.steps()];
            for (int t = 0; t < seq.steps(); t++) {
                MemoryAugmentedNetwork.Step step = model.step(params, state, Tensor.constant(seq.inputs().get(t)),
                        Tensor.constant(seq.previous().get(t)));
                predictions[t] = step.logits().value().argMax(1).getInt(0);
                state = step.state();
            }
            return new Run(state, seq.labels().get(seq.steps() - 1)[0], predictions);
        }
    }

    private INDArray answer(Params params, Run run, INDArray x, DataType type) {
        try (Scope s = Autograd.noGrad()) {
            int q = Math.toIntExact(x.size(0));
            INDArray previous = Nd4j.zeros(type, q, model.ways());
            previous.getColumn(run.lastLabel()).assign(1);
            Tensor in = Tensor.constant(x.castTo(type).reshape(q, model.inputSize()));
            return model.step(params, model.replicate(run.state(), q), in, Tensor.constant(previous)).logits()
                    .value();
        }
    }
}
