package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

class TaskPoolTest {
    @Test
    void resultsComeBackInIndexOrderFromSeveralThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> squares = TaskPool.map(3, 40, i -> {
            threads.add(Thread.currentThread().getName());
            return i * i;
        });
        assertThat(squares).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(squares.get(i)).isEqualTo(i * i);
        }
        assertThat(threads).allMatch(n -> n.startsWith("metalearn4j-task-3-"));
    }

    @Test
    void oneThreadRunsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertThat(TaskPool.map(1, 3, i -> Thread.currentThread().getName())).containsOnly(caller);
    }

    @Test
    void workersRecordGraphsOnlyWhenTheCallerDoesAndCheckNumericsWhenItDoes() {
        Tensor x = Tensor.variable(Nd4j.createFromArray(1.0, 2.0));
        List<Boolean> recorded = TaskPool.map(2, 4, i -> x.mul(x).requiresGrad());
        assertThat(recorded).containsOnly(true);
        try (Scope s = Autograd.noGrad()) {
            assertThat(TaskPool.map(2, 4, i -> x.mul(x).requiresGrad())).containsOnly(false);
        }
        Tensor zero = Tensor.constant(Nd4j.zeros(DataType.DOUBLE, 2));
        try (Scope s = Autograd.checkNumerics()) {
            assertThatThrownBy(() -> TaskPool.map(2, 4, i -> zero.div(zero)))
                    .isInstanceOf(NonFiniteException.class);
        }
        assertThat(TaskPool.map(2, 4, i -> zero.div(zero).value().getDouble(0))).allMatch(d -> Double.isNaN(d));
    }

    @Test
    void workersRunNativeOpsOnOneOpenMpThreadAndLeaveTheCallersSetting() {
        Nd4j.create(1);
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int callers = ops.ompGetMaxThreads();
        assertThat(TaskPool.map(2, 4, i -> ops.ompGetMaxThreads())).containsOnly(1);
        assertThat(ops.ompGetMaxThreads()).isEqualTo(callers);
    }

    @Test
    void theLowestFailingIndexIsRethrownWithTheOthersSuppressedAndLaterItemsAreNotStarted() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> TaskPool.map(2, 1000, i -> {
            started.incrementAndGet();
            if (i == 3 || i == 4) {
                throw new IllegalArgumentException("item " + i + " is bad");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 3 is bad")
                .satisfies(e -> assertThat(e.getSuppressed()).allMatch(s -> s.getMessage().equals("item 4 is bad")));
        assertThat(started.get()).isLessThan(1000);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> TaskPool.map(0, 3, i -> i)).hasMessage("threads: expected at least 1, got 0");
        assertThatThrownBy(() -> TaskPool.map(2, -1, i -> i)).hasMessage("count: expected at least 0, got -1");
        assertThat(TaskPool.map(2, 0, i -> i)).isEmpty();
    }
}
