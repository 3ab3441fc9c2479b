package org.metalearn4j.examples.dashboard;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.train.testing.CentroidConfig;
import org.metalearn4j.core.train.testing.CentroidLearner;

/**
 * Test learner {@value #NAME}: the core test-centroid learner, paced to a fixed minimum time per step so that a
 * browser test sees a run that is still training, and reporting its learning rate as the {@code lr} extra.
 */
public class PacedLearnerProvider implements LearnerProvider<PacedLearnerProvider.Config> {
    public static final String NAME = "test-paced";

    /** Parameters of the paced test learner. */
    public record Config(
            @JsonPropertyDescription("milliseconds each step lasts at least") int stepMillis,
            @JsonPropertyDescription("SGD step size of the centroid learner") double learningRate) {
        public Config {
            Checks.atLeast("stepMillis", stepMillis, 0);
            Checks.positive("learningRate", learningRate);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test fixture: the centroid learner at a fixed pace, reporting its learning rate";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Config defaults() {
        return new Config(50, 0.05);
    }

    @Override
    public Learner create(Config config, LearnerContext context) {
        CentroidLearner inner = new CentroidLearner(new CentroidConfig(4, config.learningRate(), 0.9), context);
        return new Learner() {
            @Override
            public StepMetrics step(List<Task> batch) {
                long until = System.nanoTime() + config.stepMillis() * 1_000_000L;
                StepMetrics m = inner.step(batch);
                long left = until - System.nanoTime();
                if (left > 0) {
                    try {
                        Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Map<String, Double> extras = new HashMap<>(m.extras());
                extras.put("lr", config.learningRate());
                return new StepMetrics(m.loss(), m.metric(), extras);
            }

            @Override
            public Adapter adapter() {
                return inner.adapter();
            }

            @Override
            public StateDict state() {
                return inner.state();
            }

            @Override
            public void load(StateDict state) {
                inner.load(state);
            }

            @Override
            public StateDict backbone() {
                return inner.backbone();
            }
        };
    }
}
