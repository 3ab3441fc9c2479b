package org.metalearn4j.optimization.lstm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.MetaGradients;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskEpisode;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.MamlConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Ravi and Larochelle's LSTM meta-learner: the learner (core's {@link BackboneHeadModel}, parameters
 * {@code backbone.*} and {@code head.*}, which are also the learned initial cell state) is adapted to each task's
 * support set by {@code innerSteps} updates of a {@link MetaLstm} (weights {@code optimizer.*}); the query loss of the
 * adapted learner is differentiated with respect to the initial parameters and the meta-learner's weights, averaged
 * over the meta-batch ({@link MetaGradients}) and applied by the meta-optimizer.
 *
 * <p><b>Batch norm</b> as in the paper: during meta-training both the support set and the query set are normalised
 * with their own batch statistics (a fresh {@link ForwardContext} per task, so nothing carries over between
 * episodes); at evaluation the query examples are normalised with the support set's statistics under the adapted
 * weights ({@link LstmMetaAdapter}), so that test examples never influence each other.
 */
public final class LstmMetaLearner implements TaskwiseLearner, StatefulLearner {
    /** The meta-learner's weights live under {@code optimizer.*} beside the learner's initial parameters. */
    static final String OPTIMIZER = "optimizer";

    private final BackboneHeadModel model;
    private final MetaLstm metaLstm;
    private final LstmMetaLearnerConfig config;
    private final TrainingState state;
    private final long seed;

    private LstmMetaLearner(BackboneHeadModel model, MetaLstm metaLstm, LstmMetaLearnerConfig config, Params meta,
                            long seed) {
        this.model = model;
        this.metaLstm = metaLstm;
        this.config = config;
        this.state = new TrainingState(meta, config.metaOptimizer().create(), null);
        this.seed = seed;
    }

    /**
     * A freshly initialised learner.
     *
     * @param dataType float32 for training; float64 for gradient checks
     */
    public static LstmMetaLearner create(LstmMetaLearnerConfig config, LearnerContext context, DataType dataType) {
        BackboneHeadModel model = BackboneHeadModel.linearHead(context.backbone(config.backbone(),
                BackboneUse.FEATURES), context.outputs());
        MetaLstm metaLstm = new MetaLstm(config.hidden(), config.preprocessing());
        Map<String, Tensor> all = new LinkedHashMap<>();
        Params learner = model.init(context.seed(), dataType, context.initialBackbone());
        learner.names().forEach(n -> all.put(n, learner.get(n)));
        Params weights = metaLstm.init(Seeds.derive(context.seed(), 1), dataType);
        weights.names().forEach(n -> all.put(OPTIMIZER + "." + n, weights.get(n)));
        return new LstmMetaLearner(model, metaLstm, config, Params.of(all), context.seed());
    }

    /** The query loss after the meta-learner adapted the learner to the support set, differentiated. */
    @Override
    public TaskResult computeTask(Task task, int index) {
        Params meta = state.params();
        boolean second = config.order() == MamlConfig.Order.SECOND;
        return TaskEpisode.run(task, meta, seed, state.steps(), index, episode -> episode.adaptedQueryGradient(meta,
                model.whole(), learner(meta), metaLstm.rule(meta.scope(OPTIMIZER), !second), config.innerSteps(),
                second));
    }

    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        config.metaOptimizer().scheduleNext(state);
        return MetaGradients.apply(state, results, config.gradClip());
    }

    @Override
    public int taskThreads() {
        return config.taskThreads();
    }

    private static Params learner(Params meta) {
        return meta.filter(n -> !n.startsWith(OPTIMIZER + "."));
    }

    @Override
    public LstmMetaAdapter adapter() {
        Params meta = state.params();
        return new LstmMetaAdapter(model, learner(meta), metaLstm, meta.scope(OPTIMIZER), config.evalInnerSteps());
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** The learner network. */
    public BackboneHeadModel model() {
        return model;
    }
}
