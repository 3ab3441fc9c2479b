package org.metalearn4j.datasets.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text classes from WordNet's noun hierarchy: every synset with at least {@code minExamples} hyponyms (regular and
 * instance) is a class, and the definitions of those hyponyms are its examples. A hyponym of two such classes (WordNet
 * allows several hypernyms) would be an example of both, so it is dropped from both; classes left with fewer than
 * {@code minExamples} examples are dropped. Every definition then belongs to exactly one class.
 */
public final class GlossClasses {
    private GlossClasses() {
    }

    /** The classes in file order of their synsets. */
    public static List<GlossClass> of(List<NounSynset> synsets, int minExamples) {
        Map<Long, NounSynset> byOffset = new HashMap<>();
        synsets.forEach(s -> byOffset.put(s.offset(), s));
        List<NounSynset> candidates = synsets.stream().filter(s -> s.hyponyms().size() >= minExamples).toList();
        Map<Long, Integer> owners = new HashMap<>();
        for (NounSynset c : candidates) {
            for (long h : c.hyponyms()) {
                owners.merge(h, 1, Integer::sum);
            }
        }
        List<GlossClass> classes = new ArrayList<>();
        for (NounSynset c : candidates) {
            List<Long> members = new ArrayList<>();
            List<String> examples = new ArrayList<>();
            for (long h : c.hyponyms()) {
                NounSynset hyponym = byOffset.get(h);
                if (hyponym != null && owners.get(h) == 1) {
                    members.add(h);
                    examples.add(hyponym.definition());
                }
            }
            if (members.size() >= minExamples) {
                classes.add(new GlossClass(String.format("%s#%08d", c.words().get(0), c.offset()), c.offset(), members,
                        examples));
            }
        }
        return classes;
    }
}
