package org.metalearn4j.optimization.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ComponentConfig;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.OptimizerSpec;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MamlProvider;
import org.nd4j.linalg.api.buffer.DataType;

/** A trained learned optimizer is found by name from what its training wrote, and nothing else passes for one. */
class LearnedOptimizerFileTest {
    @TempDir
    Path dir;

    private static RunConfig run(String learner, Record params) {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(d.seed(), d.backend(), null, ComponentConfig.named("quadratic"),
                new ComponentConfig(learner, ConfigBinder.toTree(params)), d.train(), d.eval(), d.cluster());
    }

    private static void save(Path runDir, Learner learner, RunConfig config) {
        new CheckpointStore(runDir, 2).save(TrainingCheckpoint.of(learner, 1, List.of(), ConfigLoader.toJson(config),
                Provenance.current(1)));
    }

    @Test
    void aTrainedOptimizerIsReadFromItsRunDirectoryAndStepsAsTheLearnersOwn() {
        LearnedOptimizerConfig config = LearnedOptimizerTest.config(4, 2, MamlConfig.Order.FIRST, 0.1, List.of(""));
        LearnedOptimizerLearner learner = LearnedOptimizerLearner.create(config, QuadraticTasks.context(4, 3),
                DataType.FLOAT);
        learner.step(List.of(QuadraticTasks.task(1, 4, DataType.FLOAT)));
        save(dir.resolve("l2l"), learner, run(LearnedOptimizerProvider.NAME, config));

        OptimizerSpec spec = OptimizerSpec.fromJson(ConfigMappers.json().createObjectNode()
                .put("type", "learned-lstm").put("path", dir.resolve("l2l").toString()));
        Optimizer loaded = spec.create(PluginRegistry.classpath(), OptimizerSetup.of(0.01));
        Optimizer own = learner.optimizer(OptimizerSetup.of(0.01));
        Task task = QuadraticTasks.task(2, 4, DataType.FLOAT);
        Params a = learner.optimizee().init(5, DataType.FLOAT);
        Params b = learner.optimizee().init(5, DataType.FLOAT);
        OptimizationProblem problem = new OptimizationProblem(learner.optimizee(), task.support(), task.type(),
                DataType.FLOAT, 0, 1);
        for (int s = 0; s < 3; s++) {
            loaded.step(a, a.grad(problem.loss(a, s), false));
            own.step(b, b.grad(problem.loss(b, s), false));
        }
        assertThat(a.get("head.weight").value()).isEqualTo(b.get("head.weight").value());
    }

    @Test
    void aMissingPathOrAnotherLearnersCheckpointIsRefusedNamingTheField() throws Exception {
        OptimizerSpec missing = OptimizerSpec.fromJson(ConfigMappers.json()
                .createObjectNode().put("type", "learned-lstm").put("path", dir.resolve("nowhere").toString()));
        assertThatThrownBy(() -> missing.create(PluginRegistry.classpath(), OptimizerSetup.of(0.01)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("optimizer.path: no file or directory");

        MamlProvider maml = new MamlProvider();
        Learner other = maml.create(maml.defaults(), QuadraticTasks.context(4, 1));
        save(dir.resolve("maml"), other, run("maml", maml.defaults()));
        OptimizerSpec wrong = OptimizerSpec.fromJson(ConfigMappers.json()
                .createObjectNode().put("type", "learned-lstm").put("path", dir.resolve("maml").toString()));
        assertThatThrownBy(() -> wrong.create(PluginRegistry.classpath(), OptimizerSetup.of(0.01)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("optimizer.path: ")
                .hasMessageContaining("was written by learner 'maml', not learned-optimizer");

        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> LearnedOptimizerFile.read(dir.resolve("empty").toString()))
                .hasMessageContaining("holds no checkpoints");
        assertThatThrownBy(() -> OptimizerSpec.fromJson(ConfigMappers.json()
                .createObjectNode().put("type", "learned-lstm").put("path", " ")))
                .hasMessageStartingWith("optimizer.path: expected a non-empty string");
    }
}
