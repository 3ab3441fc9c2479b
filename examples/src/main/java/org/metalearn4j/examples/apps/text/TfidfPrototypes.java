package org.metalearn4j.examples.apps.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TF-IDF nearest-prototype baseline: words (lower-cased letter and digit runs) weighted by
 * {@code (1 + log tf) * log((1 + N) / (1 + df))} with document frequencies of a reference corpus (the meta-train
 * definitions), each vector scaled to unit length; a class's prototype is the mean of its support vectors, and a
 * query goes to the prototype of highest cosine similarity. Nothing is learned from the episode but the prototypes.
 */
final class TfidfPrototypes {
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    private final Map<String, Double> idf = new HashMap<>();
    private final double unseen;

    /** Document frequencies from {@code corpus}; a word it lacks gets the weight of one seen in no document. */
    TfidfPrototypes(List<String> corpus) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : corpus) {
            words(text).keySet().forEach(w -> df.merge(w, 1, Integer::sum));
        }
        int n = corpus.size();
        df.forEach((w, count) -> idf.put(w, Math.log((1.0 + n) / (1.0 + count))));
        this.unseen = Math.log(1.0 + n);
    }

    /** The index of the support class (texts per class) closest to {@code query}. */
    int classify(List<List<String>> support, String query) {
        Map<String, Double> q = vector(query);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < support.size(); c++) {
            Map<String, Double> prototype = new HashMap<>();
            List<String> texts = support.get(c);
            for (String text : texts) {
                vector(text).forEach((w, v) -> prototype.merge(w, v / texts.size(), Double::sum));
            }
            double norm = Math.sqrt(prototype.values().stream().mapToDouble(v -> v * v).sum());
            double score = 0;
            for (Map.Entry<String, Double> e : q.entrySet()) {
                score += e.getValue() * prototype.getOrDefault(e.getKey(), 0.0);
            }
            score = norm > 0 ? score / norm : 0;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private Map<String, Double> vector(String text) {
        Map<String, Double> v = new HashMap<>();
        words(text).forEach((w, tf) -> v.put(w, (1 + Math.log(tf)) * idf.getOrDefault(w, unseen)));
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            v.replaceAll((w, x) -> x / norm);
        }
        return v;
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }
}
