package org.metalearn4j.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words. Java's file exceptions often carry only the path as their message
 * ({@code AccessDeniedException: /runs/x/metrics.jsonl}), so printing the message names the file but not the reason;
 * every error about a file the program writes or reads says both, through this class.
 */
public final class IoReason {
    private IoReason() {
    }

    /** The reason of {@code e} without its path, e.g. {@code permission denied} or {@code No space left on device}. */
    public static String of(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            return f.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (a read-only directory or file system?)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way (it exists where a directory or a new file is needed)";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * {@code what FILE: REASON}, e.g. {@code cannot write metrics file runs/x/metrics.jsonl: permission denied}; when
     * the failure concerns another path (a directory on the way), that path is named too.
     */
    public static String describe(String what, Object file, IOException e) {
        String other = e instanceof FileSystemException f && f.getFile() != null
                && !f.getFile().equals(String.valueOf(file)) ? " (" + f.getFile() + ")" : "";
        return what + " " + file + ": " + of(e) + other;
    }
}
