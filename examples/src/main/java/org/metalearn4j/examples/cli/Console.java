package org.metalearn4j.examples.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results (JSON lines, tables) to {@code out}, progress, notes and errors to {@code err}, so
 * that {@code out} stays machine-readable.
 */
record Console(PrintStream out, PrintStream err) {
}
