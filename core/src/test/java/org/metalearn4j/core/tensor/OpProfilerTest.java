package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link OpProfiler} charges the time of a backward closure to that op's backward, not to the next recorded op. */
class OpProfilerTest {
    private static final Pattern ROW = Pattern.compile("^(.+?)\\s+(\\d+)\\s+([0-9.]+)\\s+[0-9.]+%$");
    private static final long BACKWARD_SLEEP_MS = 80;

    /** Identity whose array backward records no op and takes {@link #BACKWARD_SLEEP_MS}. */
    private static Tensor slowBackward(Tensor x) {
        return Op.record("slow", x.value().dup(), (out, g, needs) -> new Tensor[] {g}, (out, g, needs) -> {
            try {
                Thread.sleep(BACKWARD_SLEEP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new INDArray[] {g.dup()};
        }, x);
    }

    @Test
    void backwardTimeIsChargedToTheOpsBackwardRow() {
        Tensor x = Tensor.variable(Nd4j.rand(DataType.DOUBLE, 4, 3));
        Map<String, double[]> rows;
        try (OpProfiler profiler = OpProfiler.start()) {
            Tensor loss = slowBackward(x).sum();
            Autograd.grad(loss, List.of(x), false);
            Op.record("after", x.value().add(1.0), (out, g, needs) -> new Tensor[] {g}, x);
            rows = parse(profiler.report());
        }
        assertThat(rows).containsKeys("slow", "slow backward", OpProfiler.GRAPH_WALK, "after");
        assertThat(rows.get("slow backward")[0]).isEqualTo(1);
        assertThat(rows.get("slow backward")[1]).isGreaterThanOrEqualTo(BACKWARD_SLEEP_MS);
        assertThat(rows.get("after")[1]).isLessThan(BACKWARD_SLEEP_MS / 2.0);
    }

    @Test
    void opsOutsideAProfileAreNotCounted() {
        Tensor x = Tensor.variable(Nd4j.rand(DataType.DOUBLE, 2, 2));
        Autograd.grad(x.square().sum(), List.of(x), false);
        try (OpProfiler profiler = OpProfiler.start()) {
            Tensor y = x.mul(2.0);
            assertThat(parse(profiler.report())).hasSize(1);
            assertThat(y.shape()).containsExactly(2, 2);
        }
    }

    /** Row name to {calls, ms}. */
    private static Map<String, double[]> parse(String report) {
        Map<String, double[]> rows = new HashMap<>();
        for (String line : report.split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
        }
        return rows;
    }
}
