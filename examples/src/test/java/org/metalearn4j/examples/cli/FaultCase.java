package org.metalearn4j.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One case of the fault-injection suite (issue 25): something an adversarial user or a broken machine does, and what
 * must happen. A case runs the {@code metalearn} command in this JVM (fast) or, where process boundaries matter
 * (kills, a second process, exit latency), in a JVM of its own, and is judged as one {@link Verdict}.
 *
 * @param category the table row it counts in
 * @param name     what it does, for reports
 * @param quick    part of the default test suite (the campaign runs every case)
 * @param runner   runs it in a fresh directory
 */
record FaultCase(String category, String name, boolean quick, Runner runner) {
    /** Lines of a Java stack trace, or the start of one. */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Exception in thread "
            + "|^Caused by: ");

    /** Runs a case in {@code dir} (fresh and empty); {@code inProcess} allows this JVM for cases that permit it. */
    @FunctionalInterface
    interface Runner {
        Outcome run(Path dir, boolean inProcess) throws Exception;
    }

    /** Writes a case's files into its directory and returns the command's arguments. */
    @FunctionalInterface
    interface Setup {
        List<Object> args(Path dir) throws Exception;
    }

    /** Inspects what a finished command left behind; a problem found is the case's verdict. */
    @FunctionalInterface
    interface Check {
        Optional<Outcome> after(Path dir, ChildCli.Result result) throws Exception;
    }

    /** How a case ended; the columns of the campaign's table. */
    enum Verdict {
        /** A success that was expected (a resumed run identical to an uninterrupted one, a valid config). */
        PASSED,
        /** An expected failure reported as one {@code error:} line with the expected exit code and text. */
        CLEAR_ERROR,
        /** A failure with another exit code or message than expected, or a success that failed. */
        UNCLEAR_ERROR,
        /** A Java stack trace on the console. */
        STACK_TRACE,
        /** Exit 0 where an error was due, or a result that is wrong (a NaN checkpoint). */
        SILENT_WRONG,
        /** A killed or failed run whose work could not be resumed exactly. */
        LOST_DATA
    }

    /**
     * A case's verdict with what was seen.
     *
     * @param verdict the verdict
     * @param detail  the error line, or what went wrong
     */
    record Outcome(Verdict verdict, String detail) {
    }

    /**
     * A command that must fail with {@code code} and one {@code error:} line containing {@code text}, or succeed when
     * {@code code} is 0; {@code check} then inspects the run directory.
     *
     * @param process run it in a JVM of its own even where this one would do
     */
    static FaultCase command(String category, String name, boolean quick, boolean process, int code, String text,
                             Setup setup, Check check) {
        return new FaultCase(category, name, quick, (dir, inProcess) -> {
            List<Object> args = setup.args(dir);
            ChildCli.Result r = inProcess && !process ? inProcess(args)
                    : ChildCli.run(dir, dir.resolve("logs"), Duration.ofMinutes(5), args.toArray());
            Outcome judged = judge(code, text, r);
            // The check also releases what the setup holds (a running process, a lock), so it always runs.
            Optional<Outcome> found = check.after(dir, r);
            boolean good = judged.verdict() == Verdict.PASSED || judged.verdict() == Verdict.CLEAR_ERROR;
            return good ? found.orElse(judged) : judged;
        });
    }

    /** A command judged only by its exit code and error line. */
    static FaultCase command(String category, String name, boolean quick, int code, String text, Setup setup) {
        return command(category, name, quick, false, code, text, setup, (dir, r) -> Optional.empty());
    }

    private static ChildCli.Result inProcess(List<Object> args) {
        long t0 = System.nanoTime();
        CliRun r = CliRun.of(args.toArray());
        return new ChildCli.Result(r.code(), r.out(), r.err(), (System.nanoTime() - t0) / 1e9);
    }

    /** Judges a finished command against the expected exit code ({@code 0}: success) and error text. */
    static Outcome judge(int code, String text, ChildCli.Result r) {
        List<String> errors = errors(r.err());
        if (STACK_TRACE.matcher(r.err()).find() || STACK_TRACE.matcher(r.out()).find()) {
            return new Outcome(Verdict.STACK_TRACE, "exit " + r.code() + ": " + firstLines(r.err()));
        }
        if (code == 0) {
            return r.code() == 0 ? new Outcome(Verdict.PASSED, "exit 0")
                    : new Outcome(Verdict.UNCLEAR_ERROR, "exit " + r.code() + ", expected success: " + errors);
        }
        if (r.code() == 0) {
            return new Outcome(Verdict.SILENT_WRONG, "exit 0, expected exit " + code + " with '" + text + "'");
        }
        if (errors.size() == 1 && r.code() == code && errors.get(0).contains(text)) {
            return new Outcome(Verdict.CLEAR_ERROR, errors.get(0));
        }
        return new Outcome(Verdict.UNCLEAR_ERROR, "exit " + r.code() + " (expected " + code + " with '" + text
                + "'): " + (errors.isEmpty() ? firstLines(r.err()) : errors));
    }

    /** Each {@code error:} line with the indented lines that continue it (a list of problems or differences). */
    private static List<String> errors(String err) {
        List<String> errors = new java.util.ArrayList<>();
        for (String line : err.lines().toList()) {
            if (line.startsWith("error: ")) {
                errors.add(line);
            } else if (!errors.isEmpty() && line.startsWith("  ")) {
                errors.set(errors.size() - 1, errors.get(errors.size() - 1) + "\n" + line);
            }
        }
        return errors;
    }

    private static String firstLines(String text) {
        return text.lines().limit(6).reduce((a, b) -> a + " | " + b).orElse("(nothing)");
    }
}
