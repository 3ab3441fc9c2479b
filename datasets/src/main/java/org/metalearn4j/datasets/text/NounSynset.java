package org.metalearn4j.datasets.text;

import java.util.List;

/**
 * One line of WordNet's {@code data.noun}: a noun synset.
 *
 * @param offset    its byte offset in the file, WordNet's identifier of the synset
 * @param words     its lemmas, e.g. {@code [dog, domestic_dog, Canis_familiaris]}
 * @param hyponyms  offsets of its noun hyponyms and instance hyponyms (pointers {@code ~} and {@code ~i})
 * @param gloss     its gloss: a definition, often followed by quoted example sentences
 */
public record NounSynset(long offset, List<String> words, List<Long> hyponyms, String gloss) {
    public NounSynset {
        words = List.copyOf(words);
        hyponyms = List.copyOf(hyponyms);
    }

    /** The definition part of the gloss: the text before its first quoted example, or the whole gloss. */
    public String definition() {
        int quote = gloss.indexOf('"');
        String d = quote > 0 ? gloss.substring(0, quote) : gloss;
        d = d.strip();
        while (d.endsWith(";")) {
            d = d.substring(0, d.length() - 1).strip();
        }
        return d.isEmpty() ? gloss.strip() : d;
    }
}
