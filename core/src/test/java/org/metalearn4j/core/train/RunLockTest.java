package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 3: one writer per run directory. A second writer (here: another run of this process; another
 * process in the CLI's fault tests) is refused naming the owner; a lock left by a process that died is taken over.
 */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedUntilTheFirstReleasesTheDirectory() throws IOException {
        Path run = dir.resolve("run");
        try (RunLock first = RunLock.acquire(run, "metalearn train")) {
            assertThat(Files.readString(run.resolve(RunLock.FILE)))
                    .startsWith("pid " + ProcessHandle.current().pid() + "\ncommand metalearn train\nsince ");
            assertThatThrownBy(() -> RunLock.acquire(run, "metalearn train"))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessage("run directory " + run + " is in use by another run in this process ("
                            + run.resolve(RunLock.FILE) + "); wait for it to finish or choose another directory");
        }
        assertThat(Files.readString(run.resolve(RunLock.FILE))).isEmpty();
        RunLock.acquire(run, "metalearn pipeline").close();
    }

    @Test
    void aLockLeftByAProcessThatDiedIsTakenOver() throws IOException {
        Path run = Files.createDirectories(dir.resolve("stale"));
        long dead = deadPid();
        Files.writeString(run.resolve(RunLock.FILE), "pid " + dead + "\ncommand metalearn train\n");
        try (RunLock lock = RunLock.acquire(run, "metalearn train")) {
            assertThat(Files.readString(run.resolve(RunLock.FILE))).startsWith("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamedWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> RunLock.acquire(file.resolve("run"), "metalearn train"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot lock run directory " + file.resolve("run") + ": ");
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p.pid();
    }
}
