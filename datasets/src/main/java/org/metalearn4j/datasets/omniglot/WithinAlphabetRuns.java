package org.metalearn4j.datasets.omniglot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.Seeds;

/**
 * A fixed, seeded within-alphabet evaluation set in the shape of Lake et al.'s official one-shot runs: each episode
 * takes {@code way} characters of one alphabet, one training exemplar of each drawn by one person, and one test item
 * of each drawn by another person, so a model must recognise a new hand's drawing of a character it saw once, among
 * the look-alike characters of the same alphabet. Scored per test item ({@link OneShotRunsScorer}).
 *
 * <p>Episode {@code i} uses the {@code i mod n}-th of the {@code n} alphabets that have at least {@code way}
 * characters (in name order, so every alphabet gets its share) and draws from {@code Seeds.derive(seed, i)}: which
 * characters, in which order, the exemplars' drawer, the test drawer (another of the drawers every chosen character
 * has) and the order of the test items. The set is therefore identical for every learner and every run.
 */
public final class WithinAlphabetRuns {
    private WithinAlphabetRuns() {
    }

    /**
     * The episodes over {@code characters} (e.g. {@code omniglot-small}'s meta-test characters).
     *
     * @throws DatasetException when no alphabet has {@code way} characters or the characters share fewer than two
     *                          drawers
     */
    public static List<OmniglotRun> build(List<OmniglotCharacter> characters, int way, int episodes, long seed) {
        if (way < 2 || episodes < 1) {
            throw new IllegalArgumentException("within-alphabet episodes: need way >= 2 and episodes >= 1, got way "
                    + way + " and " + episodes + " episodes");
        }
        Map<String, List<OmniglotCharacter>> byAlphabet = new TreeMap<>();
        characters.forEach(c -> byAlphabet.computeIfAbsent(c.alphabet(), a -> new ArrayList<>()).add(c));
        List<String> eligible = byAlphabet.keySet().stream().filter(a -> byAlphabet.get(a).size() >= way).toList();
        if (eligible.isEmpty()) {
            Map<String, Integer> sizes = new TreeMap<>();
            byAlphabet.forEach((a, cs) -> sizes.put(a, cs.size()));
            throw new DatasetException("within-alphabet " + way + "-way episodes need an alphabet of at least " + way
                    + " characters; the alphabets have " + sizes);
        }
        List<OmniglotRun> runs = new ArrayList<>(episodes);
        for (int i = 0; i < episodes; i++) {
            String alphabet = eligible.get(i % eligible.size());
            runs.add(episode(String.format("%03d-%s", i + 1, alphabet), byAlphabet.get(alphabet), way,
                    new SplittableRandom(Seeds.derive(seed, i))));
        }
        return runs;
    }

    private static OmniglotRun episode(String name, List<OmniglotCharacter> alphabet, int way,
                                       SplittableRandom random) {
        List<OmniglotCharacter> chosen = new ArrayList<>(alphabet);
        shuffle(chosen, random);
        chosen = chosen.subList(0, way);
        Set<String> shared = new LinkedHashSet<>(chosen.get(0).drawers());
        chosen.forEach(c -> shared.retainAll(c.drawers()));
        List<String> drawers = new ArrayList<>(shared);
        if (drawers.size() < 2) {
            throw new DatasetException(name + ": the chosen characters share fewer than two drawers " + drawers
                    + "; exemplars and test items must come from different people");
        }
        shuffle(drawers, random);
        String exemplarDrawer = drawers.get(0);
        String testDrawer = drawers.get(1);
        List<float[]> training = new ArrayList<>(way);
        List<Integer> order = new ArrayList<>(way);
        for (int k = 0; k < way; k++) {
            OmniglotCharacter c = chosen.get(k);
            training.add(c.images().get(c.drawers().indexOf(exemplarDrawer)));
            order.add(k);
        }
        shuffle(order, random);
        List<float[]> test = new ArrayList<>(way);
        int[] answers = new int[way];
        for (int j = 0; j < way; j++) {
            OmniglotCharacter c = chosen.get(order.get(j));
            test.add(c.images().get(c.drawers().indexOf(testDrawer)));
            answers[j] = order.get(j);
        }
        return new OmniglotRun(name, training, test, answers);
    }

    /** Fisher-Yates with the episode's random stream. */
    private static <T> void shuffle(List<T> items, SplittableRandom random) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }
}
