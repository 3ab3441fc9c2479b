package org.metalearn4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The module's providers as the CLI finds them: names, task types, defaults that bind and round-trip, and the
 * refusals of bad settings and bad data with messages that say what is wrong.
 */
class ProvidersTest {
    private static final Map<String, TaskType> LEARNERS = Map.of("cnp", TaskType.REGRESSION, "np",
            TaskType.REGRESSION, "anp", TaskType.REGRESSION, "hypernet", TaskType.REGRESSION, "task-encoder",
            TaskType.REGRESSION, "weightgen", TaskType.CLASSIFICATION, "mann", TaskType.CLASSIFICATION,
            "neural-statistician", TaskType.CLASSIFICATION, "metagan", TaskType.CLASSIFICATION);

    private static Map<String, LearnerProvider<?>> providers() {
        return ServiceLoader.load(LearnerProvider.class).stream().map(p -> (LearnerProvider<?>) p.get())
                .collect(Collectors.toMap(LearnerProvider::name, p -> p));
    }

    @Test
    void everyLearnerIsFoundByNameWithItsTaskTypeAndDefaultsThatRoundTrip() {
        Map<String, LearnerProvider<?>> found = providers();
        assertThat(found).containsOnlyKeys(LEARNERS.keySet());
        LEARNERS.forEach((name, type) -> {
            LearnerProvider<?> p = found.get(name);
            assertThat(p.taskTypes()).as(name).containsExactly(type);
            assertThat(p.description()).as(name).isNotBlank();
            Record bound = ConfigBinder.bindParams(p, null, "learner.params", null);
            assertThat(bound).as(name).isEqualTo(p.defaults());
            assertThat(ConfigBinder.bindParams(p, ConfigBinder.toTree(bound), "learner.params", null)).isEqualTo(bound);
        });
    }

    @Test
    void aLearnerCreatedForTheOtherTaskTypeFailsNamingIt() {
        LearnerContext classification = new LearnerContext(new long[] {4}, TaskType.CLASSIFICATION, 5, 5, 1,
                Optional.empty());
        LearnerContext regression = new LearnerContext(new long[] {1}, TaskType.REGRESSION, 1, 1, 1,
                Optional.empty());
        assertThatThrownBy(() -> create("anp", classification))
                .hasMessage("learner 'anp' learns regression tasks only, but the data set's tasks are classification");
        assertThatThrownBy(() -> create("mann", regression))
                .hasMessage("learner 'mann' learns classification tasks only, but the data set's tasks are"
                        + " regression");
        assertThatThrownBy(() -> create("weightgen", regression)).hasMessageContaining("'weightgen'");
        assertThatThrownBy(() -> create("task-encoder", classification)).hasMessageContaining("'task-encoder'");
        assertThatThrownBy(() -> create("hypernet", classification)).hasMessageContaining("'hypernet'");
    }

    @SuppressWarnings("unchecked")
    private static Learner create(String name, LearnerContext context) {
        LearnerProvider<Record> p = (LearnerProvider<Record>) providers().get(name);
        return p.create(p.defaults(), context);
    }

    @Test
    void badSettingsFailNamingTheField() {
        Map<String, String> bad = Map.of(
                "anp", "{minStd: 0}",
                "np", "{deterministicPath: false, latentPath: false}",
                "cnp", "{hidden: 10, heads: 4}",
                "mann", "{memorySlots: 2, readHeads: 3}",
                "hypernet", "{hidden: []}",
                "weightgen", "{initialScale: -1}",
                "task-encoder", "{ridge: 0}");
        Map<String, String> field = Map.of("anp", "learner.params.minStd", "np", "learner.params.deterministicPath",
                "cnp", "learner.params.heads", "mann", "learner.params.readHeads", "hypernet",
                "learner.params.hidden", "weightgen", "learner.params.initialScale", "task-encoder",
                "learner.params.ridge");
        Map<String, LearnerProvider<?>> found = providers();
        bad.forEach((name, yaml) -> assertThatThrownBy(() -> ConfigBinder.bindParams(found.get(name),
                ConfigMappers.readYaml(yaml, "x.yaml"), "learner.params", "x.yaml"))
                .as(name).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(field.get(name) + ": ").hasMessageEndingWith("(in x.yaml)"));
        assertThatThrownBy(() -> ConfigBinder.bindParams(found.get("anp"), ConfigMappers.readYaml("{minStd: 0}", null),
                "learner.params", null)).hasMessageContaining("underflow");
    }

    @Test
    void badDataFailsClearlyBeforeAnyUpdate() {
        SinusoidTasks sinusoid = new SinusoidTasks(5, 5);
        Task good = sinusoid.sample(1);
        Examples empty = new Examples(Nd4j.zeros(DataType.FLOAT, 0, 1), Nd4j.zeros(DataType.FLOAT, 0, 1));
        Task noContext = new Task(empty, good.query(), TaskType.REGRESSION, 1, 0, "sinusoid/empty");
        Learner np = Training.learner("np", "{hidden: 8, heads: 2, latentSize: 4}", sinusoid, new long[] {1});
        assertThatThrownBy(() -> np.step(List.of(good, noContext)))
                .hasMessage("sinusoid/empty: empty context; a neural process needs at least one support point");
        assertThatThrownBy(() -> np.adapter().adapt(empty, TaskType.REGRESSION, 1))
                .hasMessageContaining("empty context");

        Examples poisoned = new Examples(good.query().x(), good.query().y().dup().putScalar(2, Float.NaN));
        Task nan = new Task(good.support(), poisoned, TaskType.REGRESSION, 1, 5, "sinusoid/nan");
        assertThatThrownBy(() -> np.step(List.of(nan)))
                .hasMessage("sinusoid/nan query set: the targets contain NaN or infinite values");

        Learner hypernet = Training.learner("hypernet", "{descriptorSize: 3}", sinusoid, new long[] {1});
        assertThatThrownBy(() -> hypernet.step(List.of(good)))
                .hasMessageContaining("descriptorSize 3 but the descriptor of sinusoid/test has 2 values");
        Task anonymous = new Task(good.support(), good.query(), TaskType.REGRESSION, 1, 5, "sinusoid/plain");
        assertThatThrownBy(() -> hypernet.step(List.of(anonymous)))
                .hasMessageContaining("sinusoid/plain carries no task descriptor");

        Learner encoder = Training.learner("task-encoder", "{}", sinusoid, new long[] {1});
        assertThatThrownBy(() -> encoder.step(List.of(good))).hasMessageContaining("at least 2 (train.metaBatch)");
    }
}
