package org.metalearn4j.examples.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results (JSON lines, tables) to {@code out}, progress, notes and errors to {@code err}, so
 * that {@code out} stays machine-readable.
 *
 * @param errIsTerminal whether {@code err} is a terminal, where progress bars are redrawn in place; elsewhere they
 *     are plain lines, so that a log file holds no carriage-return frames
 */
record Console(PrintStream out, PrintStream err, boolean errIsTerminal) {
    /**
     * Set by the {@code metalearn} launcher to whether its stderr is a terminal ({@code [ -t 2 ]}); Java itself can
     * tell only whether stdin and stdout both are.
     */
    static final String ERR_IS_TERMINAL = "metalearn4j.stderrIsTerminal";

    /** A console whose {@code err} is not a terminal (captured streams, files). */
    Console(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    /** The process's own streams, asking the launcher (else {@link System#console()}) whether stderr is a terminal. */
    static Console system() {
        String told = System.getProperty(ERR_IS_TERMINAL);
        return new Console(System.out, System.err, told != null ? Boolean.parseBoolean(told)
                : System.console() != null);
    }
}
