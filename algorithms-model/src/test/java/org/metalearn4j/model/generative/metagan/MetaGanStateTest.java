package org.metalearn4j.model.generative.metagan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.model.generative.DecoderArchitecture;
import org.metalearn4j.model.generative.Glyphs;
import org.nd4j.linalg.api.buffer.DataType;

/** A MetaGAN learner restored from a saved state takes bitwise the same steps as the one that saved it. */
class MetaGanStateTest {

    @ParameterizedTest
    @EnumSource(ClassifierKind.class)
    void aReloadedLearnerTakesBitwiseTheSameStepsAndPredictsTheSame(ClassifierKind kind) throws IOException {
        TaskSource glyphs = Glyphs.episodes(3, 1, 2, 4);
        MetaGanConfig config = new MetaGanConfig(kind, BackboneSpec.mlp(8), new InnerLoopSettings(true, 1, 0.3, 2),
                new MetricSettings(Distance.SQUARED_EUCLIDEAN, 1, 4),
                new OptimizerConfig(1e-2, 1e-4, new LrSchedule(LrSchedule.Kind.COSINE, 3, 1, 0.1)),
                new GeneratorSettings(4, 4, DecoderArchitecture.CONV, List.of(8), 4,
                        GeneratorLoss.FEATURE_MATCHING,
                        new OptimizerConfig(1e-2, 0, LrSchedule.halvingEvery(2))), 2, 1.0, 5, 1);
        Learner original = MetaGanProvider.create(config, Glyphs.context(3, 4, 11), DataType.FLOAT);
        for (int i = 0; i < 2; i++) {
            original.step(Glyphs.batch(glyphs, 3, i, 2));
        }
        Learner restored = MetaGanProvider.create(config, Glyphs.context(3, 4, 11), DataType.FLOAT);
        restored.load(original.state());
        assertThat(bytes(restored.state())).isEqualTo(bytes(original.state()));
        for (int i = 2; i < 4; i++) {
            assertThat(restored.step(Glyphs.batch(glyphs, 3, i, 2)))
                    .isEqualTo(original.step(Glyphs.batch(glyphs, 3, i, 2)));
        }
        assertThat(bytes(restored.state())).isEqualTo(bytes(original.state()));
        assertThat(original.state().names()).contains("generator.params.encoder.weight", "generator.optim.steps",
                "params.fake.logit", "steps");
        assertThat(original.backbone().names()).allMatch(n -> !n.startsWith("backbone.") && !n.contains("fake"));

        Task episode = glyphs.sample(99);
        Predictor a = original.adapter().adapt(episode.support(), episode.type(), episode.ways());
        Predictor b = restored.adapter().adapt(episode.support(), episode.type(), episode.ways());
        assertThat(a.predict(episode.query().x())).isEqualTo(b.predict(episode.query().x()));
        assertThat(a.predict(episode.query().x()).shape()).containsExactly(6, 3);
        RealFakeScores scores = ((AdversarialLearner) original).discriminate(episode, 5);
        assertThat(scores.real()).hasSize(6).containsExactly(((AdversarialLearner) restored).discriminate(episode, 5)
                .real());
        assertThat(scores.fake()).hasSize(6);
        assertThat(scores.auc()).isBetween(0.0, 1.0);
    }

    private static byte[] bytes(StateDict state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
