package org.metalearn4j.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.metalearn4j.core.backend.CollectionPacer;
import org.metalearn4j.core.nn.Conv4;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Time and minor page faults per Conv4 forward and backward step (5-way head, cross-entropy) on a batch of 1x28x28
 * images, to compare collection pacing ({@code -Dmetalearn4j.collectEvery}) and glibc settings in alternated JVMs.
 *
 * <p>Run with the classpath of {@link EngineBenchmark} and the launcher's JVM options:
 * {@code java ... -Dmetalearn4j.collectEvery=256m org.metalearn4j.core.bench.PageFaultBenchmark [steps] [batch]}
 * (defaults 40 and 25; BENCHMARKS.md, "Page faults and collection pacing").
 */
public final class PageFaultBenchmark {
    private static final int WARMUP_STEPS = 10;

    private PageFaultBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Module net = Sequential.of(new Conv4(1, 64), new Linear(64, 5));
        Params params = net.init(1);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, batch, 1, 28, 28));
        int[] labels = new int[batch];
        Arrays.setAll(labels, i -> i % 5);
        ForwardContext ctx = ForwardContext.training(1);
        for (int i = 0; i < WARMUP_STEPS; i++) {
            params.grad(Losses.crossEntropy(net.forward(params, x, ctx), labels), false);
        }
        long faults = minorFaults();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            params.grad(Losses.crossEntropy(net.forward(params, x, ctx), labels), false);
        }
        double ms = (System.nanoTime() - start) / 1e6 / steps;
        System.out.printf(Locale.ROOT, "{\"batch\":%d,\"steps\":%d,\"collectEvery\":%d,\"msPerStep\":%.1f,"
                + "\"minorFaultsPerStep\":%.0f}%n", batch, steps, CollectionPacer.every(), ms,
                (minorFaults() - faults) / (double) steps);
    }

    /** Field 10 of {@code /proc/self/stat}: minor faults of the process so far. */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        return Long.parseLong(afterName.split(" ")[7]);
    }
}
