package org.metalearn4j.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.core.train.EvalResult;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;

/**
 * Environment families as data sets of control tasks: what a task carries, the context a learner gets, evaluation by
 * a learner that scores tasks itself, and the refusal of learners that cannot act.
 */
class EnvironmentDatasetTest {
    /** A one-dimensional walk whose task parameter is the target position. */
    private static final EnvironmentFamily WALK = new EnvironmentFamily() {
        @Override
        public int observationSize() {
            return 1;
        }

        @Override
        public int actionSize() {
            return 1;
        }

        @Override
        public int parameterSize() {
            return 1;
        }

        @Override
        public int horizon() {
            return 5;
        }

        @Override
        public Environment environment(double[] target) {
            double[] position = {0};
            return new Environment() {
                @Override
                public double[] reset(long seed) {
                    position[0] = 0;
                    return position.clone();
                }

                @Override
                public Transition step(double[] action) {
                    position[0] += action[0];
                    return new Transition(position.clone(), -Math.abs(position[0] - target[0]), false);
                }
            };
        }
    };

    private static final EnvironmentDataset DATA = new EnvironmentDataset("walk", WALK, splits());

    /** In a fixed order, which sets each split's seed stream (Map.of's iteration order changes between JVM runs). */
    private static Map<String, EnvironmentDataset.TaskParameters> splits() {
        Map<String, EnvironmentDataset.TaskParameters> splits = new LinkedHashMap<>();
        splits.put("meta-train", seed -> new double[] {seed % 7});
        splits.put("meta-test", seed -> new double[] {-(seed % 5)});
        return splits;
    }

    @Test
    void aTaskHoldsItsParametersOncePerTrajectory() {
        TaskSource train = DATA.episodes("meta-train", new EpisodeSpec(1, 4, 3));
        Task task = train.sample(11);
        assertThat(task.type()).isEqualTo(TaskType.CONTROL);
        assertThat(task.support().size()).isEqualTo(4);
        assertThat(task.query().size()).isEqualTo(3);
        assertThat(task.domain()).isEqualTo("walk/meta-train");
        assertThat(EnvironmentDataset.parameters(task)).containsExactly(Seeds.derive(11, 0) % 7);
        assertThat(task.query().x().getDouble(2, 0)).isEqualTo(EnvironmentDataset.parameters(task)[0]);
        assertThat(DATA.type()).isEqualTo(TaskType.CONTROL);
        assertThat(DATA.inputShape()).containsExactly(1);
        assertThatThrownBy(() -> DATA.episodes("meta-train", new EpisodeSpec(2, 1, 1)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("way 1");
        assertThatThrownBy(() -> DATA.task(new double[] {1, 2}, 1, 1, "walk/x")).hasMessageContaining("expects 1");
    }

    @Test
    void learnersGetTheFamilyAndTheActionWidth() {
        LearnerContext context = LearnerContext.forDataset(DATA, DATA.episodes("meta-train",
                new EpisodeSpec(1, 1, 1)), 5, 3, Optional.empty(), PluginRegistry.classpath());
        assertThat(context.type()).isEqualTo(TaskType.CONTROL);
        assertThat(context.ways()).isEqualTo(1);
        assertThat(context.outputs()).isEqualTo(1);
        assertThat(context.environment()).containsSame(WALK);
        assertThat(new LearnerContext(new long[] {1}, TaskType.REGRESSION, 1, 1, 0, Optional.empty())
                .environment()).isEmpty();
    }

    @Test
    void aScoringLearnerScoresEveryEpisodeWithItsOwnSeed() {
        List<Long> seeds = new ArrayList<>();
        Learner scorer = new ScoringLearner(seeds);
        TaskSource test = DATA.episodes("meta-test", new EpisodeSpec(1, 1, 1));
        EvalResult r = Evaluator.evaluate(scorer, test, 4, 9);
        assertThat(r.metric()).isEqualTo("return");
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            expected += EnvironmentDataset.parameters(test.sample(Seeds.derive(9, i)))[0] / 4;
        }
        assertThat(r.value()).isEqualTo(expected);
        assertThat(seeds).containsExactly(Seeds.derive(9, 0, 1), Seeds.derive(9, 1, 1), Seeds.derive(9, 2, 1),
                Seeds.derive(9, 3, 1));
        Adapter adapter = (support, type, ways) -> x -> x;
        assertThatThrownBy(() -> Evaluator.evaluate(adapter, test, 1, 0)).hasMessageContaining("TaskScorer");
        assertThat(Evaluator.metricName(TaskType.CONTROL)).isEqualTo("return");
    }

    @Test
    void aLearnerThatCannotActIsRefusedBeforeTraining() {
        var registry = PluginRegistry.of("test", new FixedDatasetProvider(DATA), new CentroidLearnerProvider());
        var config = ConfigLoader.bind(ConfigMappers.json().createObjectNode(), List.of("dataset.name=walk",
                "learner.name=" + CentroidLearnerProvider.NAME, "train.way=1", "eval.way=1"), "test");
        assertThatThrownBy(() -> RunComponents.open(config, registry, "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learner.name").hasMessageContaining("cannot act").hasMessageContaining("run.yaml");
    }

    /** Scores a task by its parameter, recording the seeds it was given. */
    private record ScoringLearner(List<Long> seeds) implements Learner, TaskScorer {
        @Override
        public String metricName() {
            return "return";
        }

        @Override
        public double score(Task task, long seed) {
            seeds.add(seed);
            return EnvironmentDataset.parameters(task)[0];
        }

        @Override
        public StepMetrics step(List<Task> batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Adapter adapter() {
            throw new AssertionError("a TaskScorer is evaluated without its adapter");
        }

        @Override
        public StateDict state() {
            return new StateDict();
        }

        @Override
        public void load(StateDict state) {
        }

        @Override
        public StateDict backbone() {
            return new StateDict();
        }
    }
}
