package org.metalearn4j.datasets.text;

import java.util.List;

/**
 * A text class: a noun synset whose examples are the definitions of its hyponyms.
 *
 * @param name     its lemma and offset, e.g. {@code object#00002684}
 * @param offset   the synset's offset in {@code data.noun}
 * @param members  the offsets of the hyponyms whose definitions are the examples, in file order
 * @param examples their definitions, in the same order
 */
public record GlossClass(String name, long offset, List<Long> members, List<String> examples) {
    public GlossClass {
        members = List.copyOf(members);
        examples = List.copyOf(examples);
    }
}
