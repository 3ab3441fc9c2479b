package org.metalearn4j.examples.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;

/**
 * The provenance recorded in a training run's newest readable checkpoint: library versions, git commit, time and
 * seed. A newer checkpoint that fails to read is reported, as the trainer would report it on resume.
 *
 * @param file       the checkpoint it came from, or null if none could be read
 * @param provenance its provenance, or null
 * @param problems   why newer checkpoints were not used, or why there is none
 */
public record CheckpointProvenance(Path file, Provenance provenance, List<String> problems) {
    public CheckpointProvenance {
        problems = List.copyOf(problems);
    }

    /** Reads {@code runDir}'s checkpoints, newest first, until one verifies; symbolic links are not followed. */
    public static CheckpointProvenance newest(Path runDir) {
        Path dir = runDir.resolve(CheckpointStore.DIRECTORY);
        if (!RunFiles.isPlainDirectory(dir)) {
            return new CheckpointProvenance(null, null, List.of("no checkpoint in " + runDir + " yet"));
        }
        List<Path> files = new CheckpointStore(runDir, 1).files();
        List<String> problems = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            if (!RunFiles.isPlainFile(file)) {
                problems.add(file + " is not a regular file (a symbolic link?): not read");
                continue;
            }
            try {
                return new CheckpointProvenance(file, CheckpointFile.read(file).provenance(), problems);
            } catch (RuntimeException e) {
                problems.add(e instanceof CheckpointException ? e.getMessage() : "cannot read " + file + ": " + e);
            }
        }
        if (problems.isEmpty()) {
            problems.add("no checkpoint in " + dir + " yet");
        }
        return new CheckpointProvenance(null, null, problems);
    }
}
