package org.metalearn4j.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One {@code metalearn} command in a JVM of its own, as a user runs it: the process can be killed with SIGKILL at any
 * moment, and it exits through {@code System.exit} with its shutdown hooks. Its stdout and stderr go to files in
 * {@code logs}, read back by {@link #await}.
 */
final class ChildCli {
    /** The launcher's JVM settings, with less heap: the fault cases are small. */
    private static final List<String> JVM = List.of("-XX:+UseParallelGC", "-Xmn32m", "-Xmx768m",
            "-Dorg.bytedeco.javacpp.maxbytes=3g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0");

    private final Process process;
    private final Path out;
    private final Path err;
    private final long started = System.nanoTime();

    private ChildCli(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code metalearn args...} in {@code workDir}.
     *
     * @param logs where its stdout and stderr files go (created)
     */
    static ChildCli start(Path workDir, Path logs, Object... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JVM);
        command.add("-cp");
        command.add(classPath());
        command.add(MetalearnCli.class.getName());
        Arrays.stream(args).map(String::valueOf).forEach(command::add);
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "out", ".txt");
            Path err = Files.createTempFile(logs, "err", ".txt");
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new ChildCli(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs {@code metalearn args...} to its end (killed after {@code timeout}). */
    static Result run(Path workDir, Path logs, Duration timeout, Object... args) {
        return start(workDir, logs, args).await(timeout);
    }

    /** The test JVM's own class path: surefire's real one when it runs us through a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What it has written to stderr so far. */
    String errSoFar() {
        return read(err);
    }

    /**
     * Polls {@code condition} until it holds or the process ends or {@code timeout} passes.
     *
     * @return whether the condition held while the process was still running
     */
    boolean waitFor(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return process.isAlive();
            }
            if (!process.isAlive()) {
                return false;
            }
            sleep(10);
        }
        return false;
    }

    /** SIGKILL, as {@code kill -9} sends it: no shutdown hook, no flush, nothing. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the exit (SIGKILL after {@code timeout}, then code 137) and reads what it wrote. */
    Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        return new Result(process.exitValue(), read(out), read(err), (System.nanoTime() - started) / 1e9);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How a command ended.
     *
     * @param code    exit code (137 when killed)
     * @param out     its stdout
     * @param err     its stderr
     * @param seconds wall time from start to exit
     */
    record Result(int code, String out, String err, double seconds) {
    }
}
