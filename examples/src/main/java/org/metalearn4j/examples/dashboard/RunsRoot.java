package org.metalearn4j.examples.dashboard;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.examples.runs.PipelineRun;
import org.metalearn4j.examples.runs.RunFiles;

/**
 * The directory the dashboard shows and the runs inside it. A run's id is its path relative to this directory with
 * {@code /} between names ({@code "."} if the directory is itself a run); an id from a browser is accepted only if it
 * names a run found here, by a path that stays inside the directory without passing a symbolic link.
 */
final class RunsRoot {
    /** How deep below the root runs are looked for: {@code runs/study/variant/seed-1} is found. */
    private static final int MAX_DEPTH = 4;

    private final Path root;

    private RunsRoot(Path root) {
        this.root = root;
    }

    /**
     * @throws ConfigException if {@code dir} does not exist or is not a directory
     */
    static RunsRoot open(Path dir) {
        if (!Files.exists(dir)) {
            throw new ConfigException("runs", "runs directory " + dir + " does not exist; give the directory your "
                    + "runs are in with --runs (metalearn train writes them under runs/ by default)");
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("runs", dir + " is not a directory; --runs takes the directory that holds the "
                    + "run directories");
        }
        try {
            return new RunsRoot(dir.toRealPath());
        } catch (IOException e) {
            throw new ConfigException("runs", "cannot open runs directory " + dir + ": " + e.getMessage());
        }
    }

    /** The directory, as a real path. */
    Path path() {
        return root;
    }

    /** Whether the directory still exists (it may be removed while the dashboard runs). */
    boolean exists() {
        return RunFiles.isPlainDirectory(root);
    }

    /** A run directory found under the root. */
    record Found(String id, Path dir, boolean pipeline) {
    }

    /**
     * Every run under the root, by id. A directory is a training run if it holds {@code metrics.jsonl} or
     * {@code config.json}, and a pipeline run if it holds a pipeline journal or a stage directory with an artifact;
     * nothing inside a run, no hidden directory and no symbolic link is searched further.
     */
    List<Found> discover() {
        List<Found> found = new ArrayList<>();
        if (!exists()) {
            return found;
        }
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root) && (dir.getFileName().toString().startsWith(".")
                                    || dir.getFileName().toString().equals(CheckpointStore.DIRECTORY))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (PipelineRun.isPipelineRun(dir)) {
                                found.add(new Found(idOf(dir), dir, true));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (RunFiles.isPlainFile(dir.resolve(Trainer.METRICS_FILE))
                                    || RunFiles.isPlainFile(dir.resolve(Trainer.CONFIG_FILE))) {
                                found.add(new Found(idOf(dir), dir, false));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // The walk skips what it cannot read; a root that vanished shows as missing on the page.
        }
        return found;
    }

    /** The id of a directory under the root. */
    String idOf(Path dir) {
        Path relative = root.relativize(dir);
        return relative.toString().isEmpty() ? "." : relative.toString().replace(dir.getFileSystem().getSeparator(),
                "/");
    }

    /**
     * The directory a browser's run id names, checked: relative, without {@code .} or {@code ..} parts, inside the
     * root, and reached without a symbolic link.
     *
     * @throws BadRunId saying what is wrong with it
     */
    Path resolve(String id) {
        if (id == null || id.isBlank()) {
            throw new BadRunId("no run given: add ?id=RUN, a path relative to the runs directory");
        }
        if (id.equals(".")) {
            return root;
        }
        if (id.startsWith("/") || id.contains("\\") || id.indexOf('\0') >= 0 || id.matches("^[A-Za-z]:.*")) {
            throw new BadRunId("run id '" + id + "' must be a path relative to the runs directory, with / between "
                    + "names");
        }
        for (String part : id.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new BadRunId("run id '" + id + "' may not contain empty, '.' or '..' parts");
            }
        }
        Path dir = root.resolve(id).normalize();
        if (!dir.startsWith(root)) {
            throw new BadRunId("run id '" + id + "' leads outside the runs directory");
        }
        try {
            if (!dir.toRealPath().equals(dir)) {
                throw new BadRunId("run id '" + id + "' passes a symbolic link; the dashboard does not follow links");
            }
        } catch (IOException e) {
            throw new BadRunId("no run '" + id + "' in " + root);
        }
        return dir;
    }

    /** A run id from a browser that cannot be served; the message says why. */
    static final class BadRunId extends RuntimeException {
        BadRunId(String message) {
            super(message);
        }
    }
}
