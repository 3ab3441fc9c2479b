package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.util.Map;

/**
 * Implemented by stage config records that name files (checkpoints, attribute tables), so the validator can check
 * that they exist before any stage trains.
 */
public interface FileReferences {

    /** Config field name to the file it names; fields left unset are omitted. */
    Map<String, Path> referencedFiles();
}
