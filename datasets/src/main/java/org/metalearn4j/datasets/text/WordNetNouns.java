package org.metalearn4j.datasets.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Reads WordNet's {@code data.noun} (Debian package {@code wordnet-base}): after the licence lines, which start with
 * two spaces, one synset per line: {@code offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt
 * (pointer_symbol offset pos source/target)... | gloss} with {@code w_cnt} in hexadecimal.
 *
 * <p>A malformed line is skipped and reported with its line number ({@link Result#problems()}); a file in which more
 * than 1% of the synset lines are malformed is refused, as it is not a WordNet data file.
 */
public final class WordNetNouns {
    /** Where {@code wordnet-base} installs the noun data. */
    public static final String DEBIAN_DIRECTORY = "/usr/share/wordnet";

    private WordNetNouns() {
    }

    /**
     * The synsets and the lines that were skipped.
     *
     * @param synsets  the well-formed synsets in file order
     * @param problems one message per skipped line, naming the file and line
     */
    public record Result(List<NounSynset> synsets, List<String> problems) {
        public Result {
            synsets = List.copyOf(synsets);
            problems = List.copyOf(problems);
        }
    }

    /** Reads {@code data.noun} in {@code directory}; fails naming the Debian package when it is missing. */
    public static Result read(Path directory) {
        Path file = directory.resolve("data.noun");
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("WordNet noun data not found at " + file + "; install the Debian package"
                    + " wordnet-base (it puts it in " + DEBIAN_DIRECTORY + ") or set dataset.params.path");
        }
        // WordNet 3.0 is Latin-1 where it is not ASCII
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Result parse(BufferedReader in, String name) throws IOException {
        List<NounSynset> synsets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.startsWith("  ") || line.isBlank()) {
                continue;
            }
            try {
                synsets.add(synset(line));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                problems.add(name + " line " + number + ": " + e.getMessage() + "; line skipped");
            }
        }
        int total = synsets.size() + problems.size();
        if (total == 0 || problems.size() * 100L > total) {
            throw new DatasetException(name + ": " + problems.size() + " of " + total + " synset lines are malformed,"
                    + " this is not a WordNet data.noun file" + (problems.isEmpty() ? "" : "; first: "
                    + problems.get(0)));
        }
        return new Result(synsets, problems);
    }

    static NounSynset synset(String line) {
        int bar = line.indexOf(" | ");
        if (bar < 0) {
            throw new IllegalArgumentException("no ' | ' before the gloss");
        }
        String[] f = line.substring(0, bar).trim().split(" +");
        long offset = parseLong(f[0], "synset offset");
        int words = Integer.parseInt(f[3], 16);
        List<String> lemmas = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            lemmas.add(f[4 + 2 * i]);
        }
        int p = 4 + 2 * words;
        int pointers = Integer.parseInt(f[p]);
        if (f.length < p + 1 + 4 * pointers) {
            throw new IllegalArgumentException("declares " + pointers + " pointers but has fields for fewer");
        }
        List<Long> hyponyms = new ArrayList<>();
        for (int i = 0; i < pointers; i++) {
            String symbol = f[p + 1 + 4 * i];
            String pos = f[p + 3 + 4 * i];
            if ((symbol.equals("~") || symbol.equals("~i")) && pos.equals("n")) {
                hyponyms.add(parseLong(f[p + 2 + 4 * i], "pointer offset"));
            }
        }
        return new NounSynset(offset, lemmas, hyponyms, line.substring(bar + 3).strip());
    }

    private static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a " + what + ", got '" + text + "'");
        }
    }
}
