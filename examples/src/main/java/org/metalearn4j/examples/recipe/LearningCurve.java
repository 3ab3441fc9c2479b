package org.metalearn4j.examples.recipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learning curve of a budgeted run as CSV, one row per evaluation and kind of score: {@code error} against
 * {@code train_minutes} (training time only, evaluations excluded). A resumed run first drops the rows written after
 * the checkpoint it continues from, so the file holds each point once.
 */
final class LearningCurve {
    static final String HEADER = "learner,iteration,train_minutes,split,score,error,ci95,n";

    private final Path file;

    /**
     * @param resumedAt the checkpoint iteration a resumed run continues from, or -1 for a fresh run (which starts an
     *                  empty file)
     */
    LearningCurve(Path file, int resumedAt) {
        this.file = file;
        try {
            List<String> kept = new ArrayList<>(List.of(HEADER));
            if (resumedAt >= 0 && Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] cells = line.split(",");
                    if (!line.equals(HEADER) && cells.length > 1 && Integer.parseInt(cells[1]) <= resumedAt) {
                        kept.add(line);
                    }
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the learning curve " + file, e);
        }
    }

    /**
     * Appends one point.
     *
     * @param score what was measured, e.g. {@code 20way1shot} or {@code withinAlphabet20way}
     * @param n     episodes or test items behind it
     */
    void add(String learner, int iteration, double trainSeconds, String split, String score, double error,
             double ci95, int n) {
        String row = String.format(Locale.ROOT, "%s,%d,%.2f,%s,%s,%.5f,%.5f,%d", learner, iteration,
                trainSeconds / 60, split, score, error, ci95, n);
        try {
            Files.writeString(file, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the learning curve " + file, e);
        }
    }
}
