package org.metalearn4j.core.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.metalearn4j.core.io.IoReason;

/**
 * The checkpoints of one run directory, {@code checkpoints/ckpt-<iteration>.ml4j}. Keeps the newest {@code keep}
 * files, deleting older ones only after a newer one is safely written, and on loading falls back from a corrupt newest
 * file to the previous good one.
 */
public final class CheckpointStore {
    /** Sub-directory of a run directory holding the checkpoints. */
    public static final String DIRECTORY = "checkpoints";
    private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.ml4j");

    private final Path dir;
    private final int keep;

    /**
     * @param runDir the run directory ({@code checkpoints/} is created inside it on the first save)
     * @param keep   how many of the newest checkpoints to keep, at least 1
     */
    public CheckpointStore(Path runDir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        this.dir = runDir.resolve(DIRECTORY);
        this.keep = keep;
    }

    /** Writes {@code checkpoint} atomically, then deletes checkpoints beyond the newest {@code keep}. */
    public Path save(Checkpoint checkpoint) {
        Path file = dir.resolve(String.format("ckpt-%08d.ml4j", checkpoint.iteration()));
        CheckpointFile.write(file, checkpoint);
        List<Path> all = files();
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                throw new CheckpointException(IoReason.describe("cannot delete old checkpoint", all.get(i), e), e);
            }
        }
        return file;
    }

    /** Deletes every checkpoint, e.g. those of a run that is started afresh. */
    public void clear() {
        for (Path file : files()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new CheckpointException(IoReason.describe("cannot delete old checkpoint", file, e), e);
            }
        }
    }

    /** Checkpoint files, oldest first. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(CheckpointStore::iterationOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot list checkpoints in", dir, e), e);
        }
    }

    /**
     * The newest checkpoint that reads and verifies; each newer one that fails is reported in
     * {@link Loaded#skipped()} with its reason.
     */
    public Optional<Loaded> latestGood() {
        List<Path> all = new ArrayList<>(files());
        List<String> skipped = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(new Loaded(all.get(i), CheckpointFile.read(all.get(i)), List.copyOf(skipped)));
            } catch (CheckpointException e) {
                skipped.add(e.getMessage());
            }
        }
        if (!skipped.isEmpty()) {
            throw new CheckpointException("no good checkpoint in " + dir + ": " + String.join("; ", skipped));
        }
        return Optional.empty();
    }

    private static long iterationOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * A checkpoint read from disk.
     *
     * @param file       where it came from
     * @param checkpoint its contents
     * @param skipped    why newer checkpoints were not used (empty if this is the newest)
     */
    public record Loaded(Path file, Checkpoint checkpoint, List<String> skipped) {
    }
}
