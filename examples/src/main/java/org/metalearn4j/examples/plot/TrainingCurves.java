package org.metalearn4j.examples.plot;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.examples.runs.TrainingHistory;

/**
 * The figure of {@code metalearn plot}: training runs' loss (top) and training accuracy or MSE (bottom) against the
 * iteration, with each run's evaluations as points with their 95% confidence intervals in the bottom panel, one
 * colour per run.
 */
public final class TrainingCurves {
    private TrainingCurves() {
    }

    /**
     * @param runs each run's label with its history, in legend order; all measure the same metric
     * @throws IllegalArgumentException if the runs measure different metrics, or none has a step or evaluation
     */
    public static StackedPlots of(Map<String, TrainingHistory> runs) {
        String metric = metricOf(runs);
        LinePlot loss = new LinePlot(null, "iteration", "training loss");
        LinePlot score = new LinePlot(null, "iteration", metric);
        int i = 0;
        for (Map.Entry<String, TrainingHistory> run : runs.entrySet()) {
            Color color = LinePlot.PALETTE.get(i++ % LinePlot.PALETTE.size());
            List<StepEvent> steps = run.getValue().steps();
            double[] its = steps.stream().mapToDouble(StepEvent::iteration).toArray();
            if (!steps.isEmpty()) {
                loss.color(color).line(run.getKey(), its, steps.stream().mapToDouble(StepEvent::loss).toArray());
                score.color(color).line(run.getKey() + " (training)", its,
                        steps.stream().mapToDouble(StepEvent::metric).toArray());
            }
            List<EvalEvent> evals = lastPerIteration(run.getValue().evals());
            if (!evals.isEmpty()) {
                score.color(color).errorBars(run.getKey() + " (" + evals.get(0).split() + ", 95% CI)",
                        evals.stream().mapToDouble(EvalEvent::iteration).toArray(),
                        evals.stream().mapToDouble(EvalEvent::value).toArray(),
                        evals.stream().mapToDouble(EvalEvent::ci95).toArray());
            }
        }
        String title = runs.size() == 1 ? runs.keySet().iterator().next() : runs.size() + " runs";
        return new StackedPlots(title, "iteration", loss.seriesCount() == 0 ? List.of(score) : List.of(loss, score));
    }

    private static String metricOf(Map<String, TrainingHistory> runs) {
        Map<String, String> byRun = new TreeMap<>();
        runs.forEach((label, h) -> {
            if (h.metricName() != null) {
                byRun.put(label, h.metricName());
            }
        });
        if (byRun.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: " + String.join(", ", runs.keySet())
                    + " recorded no training step or evaluation yet");
        }
        if (byRun.values().stream().distinct().count() > 1) {
            throw new IllegalArgumentException("the runs measure different metrics, so they cannot share a panel: "
                    + byRun + "; plot them separately");
        }
        return byRun.values().iterator().next();
    }

    /** One evaluation per iteration: a resumed run may have repeated one. */
    private static List<EvalEvent> lastPerIteration(List<EvalEvent> evals) {
        Map<Integer, EvalEvent> last = new TreeMap<>();
        evals.forEach(e -> last.put(e.iteration(), e));
        return List.copyOf(last.values());
    }
}
