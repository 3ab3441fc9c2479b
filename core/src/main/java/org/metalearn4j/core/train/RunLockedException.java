package org.metalearn4j.core.train;

import java.nio.file.Path;

/** A run directory is being written by another process (or another run of this one); see {@link RunLock}. */
public final class RunLockedException extends IllegalStateException {
    RunLockedException(Path runDir, String owner) {
        super("run directory " + runDir + " is in use by " + owner + " (" + runDir.resolve(RunLock.FILE)
                + "); wait for it to finish or choose another directory");
    }
}
