package org.metalearn4j.core.tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An opt-in, per-thread breakdown of where time goes by op name. Each op is charged the wall time since the previous
 * op finished on this thread, which includes the Java work that led up to it (allocation, shape checks, graph
 * bookkeeping), so the charges add up to the profiled wall time. A backward pass charges each node's backward to
 * {@code "<op> backward"} (what its closure computed outside recorded ops, and the adding up of its gradients) and
 * its graph walk to {@value #GRAPH_WALK}: array-level backward closures record no op, and their time would otherwise
 * land on whichever op the program records next.
 *
 * <pre>{@code
 * try (OpProfiler p = OpProfiler.start()) { ... forward and backward ... ; System.out.println(p.report()); }
 * }</pre>
 */
public final class OpProfiler implements Scope {
    /** The row that {@link Autograd} charges with ordering the graph before a backward pass. */
    public static final String GRAPH_WALK = "(backward graph walk)";

    private static final ThreadLocal<OpProfiler> ACTIVE = new ThreadLocal<>();

    private final Map<String, long[]> stats = new LinkedHashMap<>();
    private final OpProfiler previous;
    private long last = System.nanoTime();

    private OpProfiler(OpProfiler previous) {
        this.previous = previous;
    }

    /** Starts profiling ops on this thread until {@link #close()}. */
    public static OpProfiler start() {
        OpProfiler p = new OpProfiler(ACTIVE.get());
        ACTIVE.set(p);
        return p;
    }

    static void tick(String op) {
        OpProfiler p = ACTIVE.get();
        if (p != null) {
            p.charge(op);
        }
    }

    /** Charges a backward node of {@code op}; the row's name is only made while profiling. */
    static void tickBackward(String op) {
        OpProfiler p = ACTIVE.get();
        if (p != null) {
            p.charge(op + " backward");
        }
    }

    private void charge(String row) {
        long now = System.nanoTime();
        long[] s = stats.computeIfAbsent(row, k -> new long[2]);
        s[0]++;
        s[1] += now - last;
        last = now;
    }

    /** One line per op, most expensive first: name, calls, total ms, share of the total. */
    public String report() {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(stats.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        long total = rows.stream().mapToLong(e -> e.getValue()[1]).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %8s %10s %6s%n", "op", "calls", "ms",
                "share"));
        for (Map.Entry<String, long[]> e : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %8d %10.2f %5.1f%%%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1] / 1e6, 100.0 * e.getValue()[1] / Math.max(1, total)));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (previous == null) {
            ACTIVE.remove();
        } else {
            ACTIVE.set(previous);
        }
    }
}
