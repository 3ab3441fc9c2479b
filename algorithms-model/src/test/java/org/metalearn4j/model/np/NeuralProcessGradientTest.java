package org.metalearn4j.model.np;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metalearn4j.model.ParamsCheck.values;
import static org.metalearn4j.model.ParamsCheck.withParams;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The whole neural-process objective (encoders, attention, latent KL, bounded-std decoder, Gaussian log-likelihood)
 * differentiated with respect to every parameter against float64 finite differences, for each variant. The latent
 * sample's noise is fixed by its seed, so the objective is a deterministic function of the parameters. Two tasks with
 * contexts of different sizes run as one masked batch.
 */
class NeuralProcessGradientTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cnp, false, MEAN, false", "np, true, MEAN, false", "anp, true, MULTIHEAD, true",
            "anp-query-targets, true, MULTIHEAD, false"})
    void objectiveGradientsMatchFiniteDifferences(String name, boolean latent, Aggregation aggregation,
                                                  boolean selfAttention) {
        NeuralProcessConfig config = new NeuralProcessConfig(4, 1, 1, true, latent, 3, aggregation, 2, selfAttention,
                0.05, !name.endsWith("query-targets"), 0, ScheduledAdamConfig.constant(1e-3));
        NeuralProcess model = new NeuralProcess(config, 2, 1);
        Params p = model.init(3, DataType.DOUBLE);
        // two tasks of 6 points, with contexts of 2 and 4 points
        List<Task> tasks = List.of(task(4, 2, 4), task(5, 4, 2));
        PointBatch batch = PointBatch.of(tasks, config.targetsIncludeContext(), 2, 1, DataType.DOUBLE);
        GradCheck.firstOrder(withParams(p, q -> model.terms(q, batch, 11, ForwardContext.eval()).loss()), values(p),
                1e-5);
    }

    private static Task task(long seed, int context, int query) {
        INDArray x = GradCheck.random(seed, context + query, 2);
        INDArray y = GradCheck.random(seed + 100, context + query, 1);
        Examples support = new Examples(x.get(NDArrayIndex.interval(0, context)).dup(),
                y.get(NDArrayIndex.interval(0, context)).dup());
        Examples queries = new Examples(x.get(NDArrayIndex.interval(context, context + query)).dup(),
                y.get(NDArrayIndex.interval(context, context + query)).dup());
        return new Task(support, queries, TaskType.REGRESSION, 1, context, "test");
    }

    @ParameterizedTest(name = "KL against {0}")
    @CsvSource({"0.5", "2.0"})
    void gaussianKlGradientsMatchFiniteDifferences(double scale) {
        GradCheck.firstOrder(xs -> new Gaussian(xs.get(0), xs.get(1)).kl(new Gaussian(xs.get(2), xs.get(3))),
                List.of(GradCheck.random(1, 1, 3), GradCheck.positive(2, 0.2, 1.5, 1, 3), GradCheck.random(3, 1, 3),
                        GradCheck.positive(4, 0.2, 1.5, 1, 3).mul(scale)));
    }

    /** The masked batch computes each task's terms exactly as that task alone would. */
    @Test
    void aMaskedBatchEqualsItsTasksOneByOne() {
        NeuralProcessConfig config = new NeuralProcessConfig(8, 1, 1, true, true, 3, Aggregation.MULTIHEAD, 2, true,
                0.05, true, 0, ScheduledAdamConfig.constant(1e-3));
        NeuralProcess model = new NeuralProcess(config, 2, 1);
        Params p = model.init(5, DataType.DOUBLE);
        Task a = task(4, 2, 4);
        Task b = task(5, 5, 1);
        PointBatch both = PointBatch.of(List.of(a, b), true, 2, 1, DataType.DOUBLE);
        Gaussian joint = model.decode(p, both.x(), model.aggregate(p, model.representations(p, both.x(), both.y(),
                both.context(), ForwardContext.eval()), both.x(), both.context(), both.x(), ForwardContext.eval()),
                model.latent(p, both.x(), both.y(), both.context(), ForwardContext.eval()).mean(),
                ForwardContext.eval());
        int row = 0;
        for (Task t : List.of(a, b)) {
            PointBatch alone = PointBatch.of(List.of(t), true, 2, 1, DataType.DOUBLE);
            Tensor xc = alone.x().slice(1, 0, t.support().size());
            Tensor yc = alone.y().slice(1, 0, t.support().size());
            Gaussian single = model.decode(p, alone.x(), model.aggregate(p, model.representations(p, xc, yc, null,
                    ForwardContext.eval()), xc, null, alone.x(), ForwardContext.eval()),
                    model.latent(p, xc, yc, null, ForwardContext.eval()).mean(), ForwardContext.eval());
            assertThat(GradCheck.maxRelativeError(joint.mean().value().get(NDArrayIndex.interval(row, row + 1)),
                    single.mean().value())).isLessThan(1e-12);
            assertThat(GradCheck.maxRelativeError(joint.std().value().get(NDArrayIndex.interval(row, row + 1)),
                    single.std().value())).isLessThan(1e-12);
            row++;
        }
    }
}
