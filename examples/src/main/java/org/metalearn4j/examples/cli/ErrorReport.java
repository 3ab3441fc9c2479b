package org.metalearn4j.examples.cli;

import java.io.UncheckedIOException;
import java.util.Set;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.train.TrainingDivergedException;

/**
 * The one line a failed command prints after {@code error: }, and its exit code. The message of an exception the
 * program throws on purpose names the file, field or value; what else can escape (out of memory, a bug here or in a
 * plugin) is described as what it is, where it happened and what to do, never as a bare {@code null} or a stack
 * trace (those come with {@code METALEARN_DEBUG=1}).
 */
final class ErrorReport {
    /** Exceptions that mean a bug, not bad input: their text alone would not tell the user what happened. */
    private static final Set<Class<?>> BUGS = Set.of(NullPointerException.class, ClassCastException.class,
            IndexOutOfBoundsException.class, ArrayIndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class, UnsupportedOperationException.class, NoSuchMethodError.class,
            NoClassDefFoundError.class, AbstractMethodError.class);

    private ErrorReport() {
    }

    /** {@link MetalearnCli#USAGE} for a configuration error, {@link MetalearnCli#FAILURE} for anything else. */
    static int exitCode(Throwable e) {
        return e instanceof ConfigException ? MetalearnCli.USAGE : MetalearnCli.FAILURE;
    }

    /** The line to print after {@code error: }. */
    static String line(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "). Use smaller episodes, meta-batches or networks, or give"
                    + " the JVM more: METALEARN_JAVA_OPTS=\"-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8g\"";
        }
        if (BUGS.contains(e.getClass()) || e.getMessage() == null || e.getMessage().isBlank()) {
            return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()) + where(e) + ". This is a bug; METALEARN_DEBUG=1 prints the stack trace";
        }
        String message = e.getMessage();
        if (e instanceof UncheckedIOException u && u.getCause() != null
                && !message.contains(IoReason.of(u.getCause()))) {
            message += ": " + IoReason.of(u.getCause());
        }
        if (divergedWithoutCheck(e)) {
            message += ". --check-numerics names the op that first produces NaN or Inf; a smaller learning rate"
                    + " needs --allow-config-change to resume";
        }
        return message;
    }

    private static boolean divergedWithoutCheck(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TrainingDivergedException d) {
                return !d.getMessage().contains("checkNumerics");
            }
        }
        return false;
    }

    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName() + "("
                + trace[0].getFileName() + ":" + trace[0].getLineNumber() + ")";
    }
}
