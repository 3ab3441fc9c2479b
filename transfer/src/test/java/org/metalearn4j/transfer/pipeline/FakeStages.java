package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.pipeline.PipelineStage;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.state.StateDict;

/** Tiny stages with observable effects for the pipeline tests. */
final class FakeStages {
    /** Number of times any fake stage's run() was called. */
    static final AtomicInteger RUNS = new AtomicInteger();
    /** While set, {@code score} fails as a crashed or interrupted stage would. */
    static final AtomicBoolean SCORE_FAILS = new AtomicBoolean();

    private FakeStages() {
    }

    /** Config of {@code add}: a value to add and an optional file it claims to need. */
    record AddConfig(double amount, String notes) implements FileReferences {
        @Override
        public Map<String, Path> referencedFiles() {
            return notes == null ? Map.of() : Map.of("notes", Path.of(notes));
        }
    }

    /** {@code add}: NONE or BACKBONE -> BACKBONE whose scalar {@code w} grows by {@code amount}. */
    static final class Add implements StageProvider<AddConfig> {
        @Override
        public String name() {
            return "add";
        }

        @Override
        public String description() {
            return "adds a constant to the scalar w";
        }

        @Override
        public Class<AddConfig> configType() {
            return AddConfig.class;
        }

        @Override
        public AddConfig defaults() {
            return new AddConfig(1.0, null);
        }

        @Override
        public PipelineStage create(AddConfig config) {
            return PipelineStage.of(Set.of(ArtifactKind.NONE, ArtifactKind.BACKBONE), ArtifactKind.BACKBONE,
                    (input, context) -> {
                RUNS.incrementAndGet();
                double w = input.state().contains("w") ? input.state().getScalar("w") : 0.0;
                StateDict out = new StateDict().putScalar("w", w + config.amount());
                out.putLongs("seed", context.seed());
                return new Artifact(ArtifactKind.BACKBONE, out, Map.of("w", w + config.amount()),
                        context.provenance(Map.of("note", "added")));
            });
        }
    }

    record ScoreConfig() {
    }

    /** {@code score}: BACKBONE -> EVALUATION reporting w. */
    static final class Score implements StageProvider<ScoreConfig> {
        @Override
        public String name() {
            return "score";
        }

        @Override
        public String description() {
            return "reports w as a metric";
        }

        @Override
        public Class<ScoreConfig> configType() {
            return ScoreConfig.class;
        }

        @Override
        public ScoreConfig defaults() {
            return new ScoreConfig();
        }

        @Override
        public PipelineStage create(ScoreConfig config) {
            return PipelineStage.of(Set.of(ArtifactKind.BACKBONE), ArtifactKind.EVALUATION, (input, context) -> {
                RUNS.incrementAndGet();
                if (SCORE_FAILS.get()) {
                    throw new IllegalStateException("score interrupted");
                }
                return new Artifact(ArtifactKind.EVALUATION, new StateDict(),
                        Map.of("score", input.state().getScalar("w")), context.provenance(Map.of()));
            });
        }
    }
}
