package org.metalearn4j.model.np;

import static org.metalearn4j.model.ParamsCheck.values;
import static org.metalearn4j.model.ParamsCheck.withParams;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.testing.GradCheck;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The whole neural-process objective (encoders, attention, latent KL, bounded-std decoder, Gaussian log-likelihood)
 * differentiated with respect to every parameter against float64 finite differences, for each variant. The latent
 * sample's noise is fixed by its seed, so the objective is a deterministic function of the parameters.
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
        Params p = model.init(3, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        Tensor xc = Tensor.constant(GradCheck.random(4, 3, 2));
        Tensor yc = Tensor.constant(GradCheck.random(5, 3, 1));
        Tensor xq = Tensor.constant(GradCheck.random(6, 4, 2));
        Tensor yq = Tensor.constant(GradCheck.random(7, 4, 1));
        GradCheck.firstOrder(withParams(p, q -> model.terms(q, xc, yc, xq, yq, 11, ForwardContext.eval()).loss()),
                values(p), 1e-5);
    }

    @ParameterizedTest(name = "KL against {0}")
    @CsvSource({"0.5", "2.0"})
    void gaussianKlGradientsMatchFiniteDifferences(double scale) {
        GradCheck.firstOrder(xs -> new Gaussian(xs.get(0), xs.get(1)).kl(new Gaussian(xs.get(2), xs.get(3))),
                List.of(GradCheck.random(1, 1, 3), GradCheck.positive(2, 0.2, 1.5, 1, 3), GradCheck.random(3, 1, 3),
                        GradCheck.positive(4, 0.2, 1.5, 1, 3).mul(scale)));
    }
}
