package org.metalearn4j.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.metalearn4j.core.nn.Conv4;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.OpProfiler;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of the engine on the workloads of issue 3, each reported next to in-place {@code Nd4j.gemm} GFLOP/s measured
 * in the same run (the machine may be shared, so ratios are what compare across runs).
 *
 * <p>Run (2 threads): {@code mvn -o -q -pl core test-compile && mvn -o -q -pl core dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test && OMP_NUM_THREADS=2 GOMP_SPINCOUNT=30000 java
 * -XX:+UseParallelGC -Xmn32m -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=4g -Dorg.bytedeco.javacpp.maxphysicalbytes=0 -cp
 * core/target/classes:core/target/test-classes:$(cat core/target/cp.txt)
 * org.metalearn4j.core.bench.EngineBenchmark [rounds]} (the launcher's JVM settings; a short OpenMP spin for a
 * dedicated machine, {@code OMP_WAIT_POLICY=passive} for the launcher's shared-machine default; BENCHMARKS.md, "JVM
 * and OpenMP settings", says why each matters).
 * After the timed rounds it prints an {@link OpProfiler} breakdown of each workload.
 */
public final class EngineBenchmark {
    /** Multiply-adds of Conv4 (25x1x28x28, 64 channels) forward + backward with a 5-way head, as in the issue. */
    private static final double CONV4_FLOP = conv4Flop();

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        System.out.printf(Locale.ROOT, "threads: omp=%s, java cores=%d, rounds=%d%n", System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors(), rounds);
        Runnable gemm = gemmCall(512);
        Runnable conv4 = conv4Call();
        Runnable mlp = mlpCall();
        Runnable maml = mamlCall();
        for (int r = 0; r < rounds; r++) {
            double gemmSec = median(gemm, 20);
            double gflops = 2.0 * 512 * 512 * 512 / gemmSec / 1e9;
            double conv4Sec = median(conv4, 15);
            double mlpSec = median(mlp, 200);
            double mlpCpu = cpuMedian(mlp, 200);
            double mamlSec = median(maml, 100);
            double mamlCpu = cpuMedian(maml, 100);
            System.out.printf(Locale.ROOT,
                    "round %d: gemm512 %.1f GFLOP/s | conv4 fwd+bwd %.1f ms = %.1f GFLOP/s = %.0f%% of gemm"
                            + " | mlp fwd+bwd %.0f us (cpu %.0f us) | maml 2nd-order meta-grad %.0f us (cpu %.0f us)%n",
                    r, gflops, conv4Sec * 1e3, CONV4_FLOP / conv4Sec / 1e9, 100 * CONV4_FLOP / conv4Sec / 1e9 / gflops,
                    mlpSec * 1e6, mlpCpu * 1e6, mamlSec * 1e6, mamlCpu * 1e6);
        }
        profile("conv4 fwd+bwd", conv4, 5);
        profile("mlp fwd+bwd", mlp, 200);
        profile("maml meta-grad", maml, 100);
    }

    /** Where the time of {@code reps} calls goes, by op (see {@link OpProfiler}). */
    private static void profile(String name, Runnable call, int reps) {
        try (OpProfiler p = OpProfiler.start()) {
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                call.run();
            }
            System.out.printf(Locale.ROOT, "%nprofile of %s, %d calls, %.1f ms per call:%n%s", name, reps,
                    (System.nanoTime() - start) / 1e6 / reps, p.report());
        }
    }

    private static Runnable gemmCall(int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {n, n}, 'f');
        return () -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }

    private static Runnable conv4Call() {
        Module net = Sequential.of(new Conv4(1, 64), new Linear(64, 5));
        Params p = net.init(1);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, 25, 1, 28, 28));
        int[] labels = new int[25];
        Arrays.setAll(labels, i -> i % 5);
        ForwardContext ctx = ForwardContext.training(1);
        return () -> p.grad(Losses.crossEntropy(net.forward(p, x, ctx), labels), false);
    }

    private static Runnable mlpCall() {
        Module net = Mlp.of(1, 40, 40, 1);
        Params p = net.init(1);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, 10, 1));
        Tensor y = Tensor.constant(Nd4j.rand(DataType.FLOAT, 10, 1));
        ForwardContext ctx = ForwardContext.training(1);
        return () -> p.grad(Losses.mse(net.forward(p, x, ctx), y), false);
    }

    private static final UpdateRule INNER = UpdateRule.sgd(0.01);

    private static Runnable mamlCall() {
        Module net = Mlp.of(1, 40, 40, 1);
        Params p = net.init(1);
        Tensor xs = Tensor.constant(Nd4j.rand(DataType.FLOAT, 10, 1));
        Tensor ys = Tensor.constant(Nd4j.rand(DataType.FLOAT, 10, 1));
        Tensor xq = Tensor.constant(Nd4j.rand(DataType.FLOAT, 10, 1));
        Tensor yq = Tensor.constant(Nd4j.rand(DataType.FLOAT, 10, 1));
        ForwardContext ctx = ForwardContext.training(1);
        return () -> {
            Tensor support = Losses.mse(net.forward(p, xs, ctx), ys);
            Params fast = INNER.step(p, p.grad(support, true), support, Params.empty()).params();
            p.grad(Losses.mse(net.forward(fast, xq, ctx), yq), false);
        };
    }

    /** Median seconds per call over {@code reps} timed calls after as many warm-up calls. */
    static double median(Runnable call, int reps) {
        for (int i = 0; i < reps; i++) {
            call.run();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    /**
     * Median CPU seconds of the calling thread per call. The small workloads run their native kernels on this thread,
     * so on a shared machine this is far less disturbed by other processes than wall time (it excludes time spent
     * descheduled); it does not count OpenMP worker threads.
     */
    private static double cpuMedian(Runnable call, int reps) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = mx.getCurrentThreadCpuTime();
            call.run();
            t[i] = (mx.getCurrentThreadCpuTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    private static double conv4Flop() {
        double total = 0;
        long c = 1;
        long h = 28;
        for (int b = 0; b < 4; b++) {
            double forward = 2.0 * 25 * 64 * h * h * 9 * c;
            // weight gradient always, input gradient for every block but the first
            total += forward * (b == 0 ? 2 : 3);
            c = 64;
            h /= 2;
        }
        return total + 3 * 2.0 * 25 * 64 * 5;
    }
}
