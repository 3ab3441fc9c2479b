package org.metalearn4j.examples.apps.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfidfPrototypesTest {
    @Test
    void rareSharedWordsDecideAndCommonOnesDoNot() {
        TfidfPrototypes tfidf = new TfidfPrototypes(List.of("a small dog", "a large dog", "a red fish",
                "a blue fish", "a small bird"));
        List<List<String>> support = List.of(List.of("a dog that barks"), List.of("a fish that swims"));
        assertThat(tfidf.classify(support, "a large black dog")).isZero();
        assertThat(tfidf.classify(support, "a small FISH")).isEqualTo(1);
    }
}
