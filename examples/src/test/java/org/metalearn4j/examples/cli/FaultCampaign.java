package org.metalearn4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reruns the adversarial campaign of issue 25: every fault case, each in JVMs of its own as a user would run it, with
 * {@code KILLS} kill-and-resume runs (three SIGKILLs each) per scenario, and prints one line per case and the table:
 * cases per category, clear errors, expected successes, stack traces, silently wrong results and lost work (the
 * last three must be 0). The command is in /work/notes/bench-25.md:
 * <pre>
 * mvn -B -q -o test-compile -pl examples -am
 * java -cp examples/target/test-classes:examples/target/classes:$(cat examples/target/test-classpath.txt) \
 *     org.metalearn4j.examples.cli.FaultCampaign [KILLS (default 14)] [WORK_DIR]
 * </pre>
 */
public final class FaultCampaign {
    private FaultCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        Path work = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("metalearn4j-campaign");
        List<FaultCase> cases = new FaultCases(work.resolve("references")).all(kills);
        Map<String, EnumMap<FaultCase.Verdict, Integer>> table = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            FaultCase c = cases.get(i);
            FaultCase.Outcome o;
            long s0 = System.nanoTime();
            try {
                o = c.runner().run(Files.createDirectories(work.resolve("case-" + i)), false);
            } catch (Exception | AssertionError e) {
                o = new FaultCase.Outcome(FaultCase.Verdict.UNCLEAR_ERROR, "the case itself failed: " + e);
            }
            table.computeIfAbsent(c.category(), k -> new EnumMap<>(FaultCase.Verdict.class))
                    .merge(o.verdict(), 1, Integer::sum);
            System.out.printf(Locale.ROOT, "%3d/%d %-14s %5.1f s  %s / %s: %s%n", i + 1, cases.size(), o.verdict(),
                    (System.nanoTime() - s0) / 1e9, c.category(), c.name(), o.detail());
        }
        System.out.printf(Locale.ROOT, "%n%d cases in %.0f s, work directory %s%n%n", cases.size(),
                (System.nanoTime() - t0) / 1e9, work);
        System.out.println("| category | cases | clear errors | expected successes | unclear errors | stack traces"
                + " (target 0) | silent wrong behaviour (target 0) | lost data (target 0) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        EnumMap<FaultCase.Verdict, Integer> total = new EnumMap<>(FaultCase.Verdict.class);
        table.forEach((category, counts) -> {
            counts.forEach((v, n) -> total.merge(v, n, Integer::sum));
            System.out.println(row(category, counts));
        });
        System.out.println(row("**all**", total));
    }

    private static String row(String category, Map<FaultCase.Verdict, Integer> counts) {
        int cases = counts.values().stream().mapToInt(Integer::intValue).sum();
        return "| " + category + " | " + cases + " | " + n(counts, FaultCase.Verdict.CLEAR_ERROR) + " | "
                + n(counts, FaultCase.Verdict.PASSED) + " | " + n(counts, FaultCase.Verdict.UNCLEAR_ERROR) + " | "
                + n(counts, FaultCase.Verdict.STACK_TRACE) + " | " + n(counts, FaultCase.Verdict.SILENT_WRONG) + " | "
                + n(counts, FaultCase.Verdict.LOST_DATA) + " |";
    }

    private static int n(Map<FaultCase.Verdict, Integer> counts, FaultCase.Verdict v) {
        return counts.getOrDefault(v, 0);
    }
}
