package org.metalearn4j.optimization.learned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Several problems optimized as one: their parameters side by side under {@code <problem>.<name>} and the sum of
 * their losses as the objective. Because a coordinatewise optimizer treats every coordinate alike, one step of it on
 * the joint parameters is exactly one step on each problem, with one LSTM call for all of them; and because the
 * problems share no parameter, the gradient of the sum is each problem's own gradient.
 */
final class ProblemBatch implements StepObjective {
    private final List<OptimizationProblem> problems;

    ProblemBatch(List<OptimizationProblem> problems) {
        this.problems = List.copyOf(problems);
    }

    /** The joint parameters of the problems' {@code parts}, in problem order. */
    Params join(List<Params> parts) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (int j = 0; j < parts.size(); j++) {
            Params p = parts.get(j);
            for (String n : p.names()) {
                all.put(j + "." + n, p.get(n));
            }
        }
        return Params.of(all);
    }

    /** Problem {@code j}'s part of joint parameters, under its own names. */
    static Params part(Params joint, int j) {
        return joint.scope(Integer.toString(j));
    }

    /** A joint parameter's name within its problem: what parameter groups match. */
    static String parameterName(String joint) {
        return joint.substring(joint.indexOf('.') + 1);
    }

    /** The sum of the problems' losses; fails naming the problem and step of a loss that is not finite. */
    @Override
    public Tensor loss(Params params, int step) {
        Tensor total = null;
        for (int j = 0; j < problems.size(); j++) {
            Tensor loss = problems.get(j).loss(part(params, j), step);
            double value = loss.item();
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("task " + j + ": the optimizee loss is " + value + " at step " + step);
            }
            total = total == null ? loss : total.add(loss);
        }
        return total;
    }

    /** How many problems. */
    int size() {
        return problems.size();
    }

    /** Problem {@code j}. */
    OptimizationProblem problem(int j) {
        return problems.get(j);
    }
}
