package org.metalearn4j.datasets.recsys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Converts the {@code movielens} table of the Debian package {@code r-cran-dslabs} to CSV, once, into the data cache.
 * The package stores it in R's lazy-load database ({@code dslabs/data/Rdata.rdb/.rdx}: zlib blocks of R's XDR
 * serialisation), so R itself reads it: {@code Rscript} (from {@code r-base-core}, which {@code r-cran-dslabs} depends
 * on, so it costs no further install) writes it with {@code write.csv} in about 2 seconds. A reader of R's
 * serialisation format in Java would avoid starting R, but would have to implement R's object encoding (pairlist
 * attributes, factors, the string cache, reference tables) for one table; the one-time export is the simpler and
 * sturdier path. The CSV is written to a temporary file and moved into place, so a failed export leaves nothing
 * behind.
 */
public final class DslabsExport {
    /** What the export runs: {@code Rscript -e EXPRESSION FILE}. */
    static final String EXPRESSION = "write.csv(dslabs::movielens, file = commandArgs(TRUE)[1], row.names = FALSE)";
    private static final String INSTALL = "install the Debian package r-cran-dslabs (it brings R), or give a CSV"
            + " export of the table as dataset.params.csv";

    private DslabsExport() {
    }

    /** Writes the table to {@code target} with the given {@code Rscript} command. */
    public static void export(String rscript, Path target) {
        Path temporary;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "movielens", ".csv.part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + target.getParent(), e);
        }
        try {
            Process r;
            try {
                r = new ProcessBuilder(rscript, "-e", EXPRESSION, temporary.toString()).redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                throw new DatasetException("cannot run '" + rscript + "' to read the movielens table of dslabs ("
                        + e.getMessage() + "); " + INSTALL, e);
            }
            String output = read(r.getInputStream());
            if (!r.waitFor(5, TimeUnit.MINUTES)) {
                r.destroyForcibly();
                throw new DatasetException(rscript + " did not finish exporting dslabs::movielens in 5 minutes");
            }
            if (r.exitValue() != 0 || output.contains("there is no package called") || Files.size(temporary) == 0) {
                throw new DatasetException(rscript + " could not export dslabs::movielens: " + output.strip()
                        + "; " + INSTALL);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while exporting dslabs::movielens", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the export failed already or succeeded; a stray temporary file is harmless
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
