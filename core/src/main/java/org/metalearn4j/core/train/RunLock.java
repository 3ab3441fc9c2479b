package org.metalearn4j.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.metalearn4j.core.io.IoReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a run directory: {@code train}, {@code pipeline} and their resumes hold {@value #FILE} in the
 * directory, locked by the operating system and holding the owner's process id, while they write. A second writer is
 * refused naming the owner. The operating system drops the lock when its process dies, however it dies, so a lock
 * left by a killed run is stale at once and taken over (saying so); where the file system cannot lock, a lock file
 * naming a live process other than this one is refused and one naming a dead process is taken over.
 *
 * <p>The file is emptied, not deleted, on release: deleting it would let a process that opened the old file before the
 * deletion lock it while another locks a new file of the same name.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file inside a run directory. */
    public static final String FILE = ".lock";

    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code runDir} (created if missing) for this process.
     *
     * @param what names the holder in another process's refusal, e.g. {@code metalearn train}
     * @throws RunLockedException     naming the owner if another process (or another run in this one) holds it
     * @throws UncheckedIOException   naming the directory and the reason if it cannot be created or the file written
     */
    public static RunLock acquire(Path runDir, String what) {
        Path file = runDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(runDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            String previous = read(channel);
            FileLock lock = tryLock(channel, runDir, previous);
            if (lock == null) {
                Optional<Long> owner = ownerPid(previous).filter(RunLock::alive);
                if (owner.isPresent() && owner.get() != ProcessHandle.current().pid()) {
                    throw new RunLockedException(runDir, describe(previous));
                }
            }
            ownerPid(previous).filter(pid -> pid != ProcessHandle.current().pid()).ifPresent(pid -> LOG.info(
                    "{}: taking over a stale lock: process {} stopped without releasing it", runDir, pid));
            String content = "pid " + ProcessHandle.current().pid() + "\ncommand " + what + "\nsince "
                    + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RunLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(IoReason.describe("cannot lock run directory", runDir, e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The operating system's lock, or null where the file system offers none (then the pid decides).
     *
     * @throws RunLockedException when another process, or another run of this process, holds the lock
     */
    private static FileLock tryLock(FileChannel channel, Path runDir, String previous) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new RunLockedException(runDir, "another run in this process");
        } catch (IOException e) {
            LOG.debug("{}: the file system cannot lock files ({}); relying on the process id", runDir, e.toString());
            return null;
        }
        if (lock == null) {
            throw new RunLockedException(runDir, describe(previous));
        }
        return lock;
    }

    /** Releases the directory: empties the lock file and drops the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            LOG.warn("{}", IoReason.describe("cannot empty lock file", file, e));
        } finally {
            try {
                if (lock != null) {
                    lock.release();
                }
            } catch (IOException ignored) {
                // Closing the channel below releases it as well.
            }
            closeQuietly(channel);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(4096, channel.size()));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static Optional<Long> ownerPid(String content) {
        for (String line : content.split("\n")) {
            if (line.startsWith("pid ")) {
                try {
                    return Optional.of(Long.parseLong(line.substring(4).trim()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String describe(String content) {
        String owner = content.strip().replace("\n", ", ");
        return owner.isEmpty() ? "another process" : owner;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more can be done; the lock goes with the process.
            }
        }
    }
}
