package org.metalearn4j.core.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native memory a training step or an evaluation episode will need, estimated before training from a sampled
 * episode, so that a 500-way episode or a 20,000-task meta-batch is refused with a reason instead of exhausting the
 * machine's memory part-way. Two parts:
 * <ul>
 *   <li>what the loop holds for a whole step, exactly: every task of the meta-batch (inputs and labels), and for a
 *       {@link org.metalearn4j.core.learner.TaskwiseLearner} one result per task the size of its trained arrays;</li>
 *   <li>one episode's activations, roughly: {@value #IMAGE_BYTES_PER_VALUE} bytes per input value for image inputs
 *       (rank 3 or more), the lower of the peaks measured for Conv4 (ProtoNet 3.8 KB, MAML 1.9 to 7.4 KB per input
 *       value at 28x28, /work/notes/bench-25.md); vector inputs go through small networks and are not counted.</li>
 * </ul>
 * The limit is JavaCPP's {@code maxBytes} (which ND4J's allocations count against; the launcher sets 4 GB) or the
 * physical memory, whichever is lower. Above it the run is refused, above half of it a warning is logged;
 * {@code -D}{@value #PROPERTY}{@code =warn} turns refusals into warnings for a model the estimate does not fit.
 *
 * @param heldBytes       bytes the loop holds for the whole step
 * @param activationBytes estimated activations of one episode
 * @param what            describes the episode and meta-batch, for messages
 */
public record MemoryEstimate(long heldBytes, long activationBytes, String what) {
    /** System property: {@code warn} logs instead of refusing. */
    public static final String PROPERTY = "metalearn4j.memoryCheck";
    static final long IMAGE_BYTES_PER_VALUE = 1900;
    private static final Logger LOG = LoggerFactory.getLogger(MemoryEstimate.class);

    /**
     * The estimate for steps of {@code tasks} tasks like {@code sample}.
     *
     * @param trained       the learner's trained arrays (sizes the per-task results of a taskwise learner)
     * @param taskwiseResults whether the loop holds one result per task until the update
     */
    public static MemoryEstimate of(Task sample, int tasks, Map<String, INDArray> trained, boolean taskwiseResults) {
        long taskBytes = bytes(sample.support().x()) + bytes(sample.support().y()) + bytes(sample.query().x())
                + bytes(sample.query().y());
        long resultBytes = taskwiseResults ? trained.values().stream().mapToLong(MemoryEstimate::bytes).sum() : 0;
        INDArray x = sample.support().x();
        long values = x.length() + sample.query().x().length();
        long activations = x.rank() >= 4 ? values * IMAGE_BYTES_PER_VALUE : 0;
        long examples = x.size(0) + sample.query().x().size(0);
        String shape = Arrays.toString(Arrays.copyOfRange(x.shape(), 1, x.rank()));
        String what = sample.ways() + "-way episodes of " + examples + " examples " + shape
                + (tasks > 1 ? ", " + tasks + " tasks per step" : "");
        return new MemoryEstimate(Math.multiplyExact(tasks, taskBytes + resultBytes), activations, what);
    }

    /** Held and activation bytes together. */
    public long totalBytes() {
        return heldBytes + activationBytes;
    }

    /**
     * Refuses (or warns about) an estimate above the limit, warns above half of it.
     *
     * @param path the config section to blame, e.g. {@code train} or {@code eval}
     * @throws ConfigException when the estimate exceeds the limit and {@value #PROPERTY} is not {@code warn}
     */
    public void require(String path, String source) {
        require(path, source, limitBytes(), !"warn".equals(System.getProperty(PROPERTY)));
    }

    void require(String path, String source, long limit, boolean refuse) {
        long total = totalBytes();
        if (total > limit) {
            String message = "needs about " + gb(total) + " of native memory (" + what + ": " + gb(heldBytes)
                    + " held for the step, about " + gb(activationBytes) + " of activations), more than the "
                    + gb(limit) + " this process may use (the lower of -Dorg.bytedeco.javacpp.maxbytes and the"
                    + " physical memory). Use fewer ways, shots, queries or tasks per step, or raise the limit in"
                    + " METALEARN_JAVA_OPTS; -D" + PROPERTY + "=warn runs anyway";
            if (refuse) {
                throw new ConfigException(path, message + (source == null ? "" : " (in " + source + ")"));
            }
            LOG.warn("{}: {}", path, message);
        } else if (total > limit / 2) {
            LOG.warn("{}: needs about {} of native memory ({}), more than half of the {} this process may use",
                    path, gb(total), what, gb(limit));
        }
    }

    /** The lower of JavaCPP's allocation limit and the physical memory. */
    static long limitBytes() {
        long max = Pointer.maxBytes();
        long physical = Pointer.totalPhysicalBytes();
        long limit = Long.MAX_VALUE;
        if (max > 0) {
            limit = max;
        }
        if (physical > 0) {
            limit = Math.min(limit, physical);
        }
        return limit;
    }

    private static long bytes(INDArray a) {
        return a.length() * a.dataType().width();
    }

    private static String gb(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
