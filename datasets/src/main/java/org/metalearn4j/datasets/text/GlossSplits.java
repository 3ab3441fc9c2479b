package org.metalearn4j.datasets.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Text classes divided into disjoint {@code meta-train}, {@code meta-val} and {@code meta-test} splits by a seeded
 * shuffle of the classes (in file order first, so the division depends on the seed and the fractions only). Every
 * definition belongs to one class ({@link GlossClasses}), so the splits share no class and no example.
 */
public final class GlossSplits {
    /** The split names, in order. */
    public static final List<String> SPLITS = List.of("meta-train", "meta-val", "meta-test");

    private final Map<String, List<GlossClass>> splits;

    private GlossSplits(Map<String, List<GlossClass>> splits) {
        this.splits = splits;
    }

    /** Shuffles {@code classes} with {@code seed} and cuts them by the fractions. */
    public static GlossSplits of(List<GlossClass> classes, double trainFraction, double valFraction, long seed) {
        List<GlossClass> shuffled = new ArrayList<>(classes);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            GlossClass t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        int train = (int) Math.round(trainFraction * shuffled.size());
        int val = (int) Math.round(valFraction * shuffled.size());
        Map<String, List<GlossClass>> out = new LinkedHashMap<>();
        out.put(SPLITS.get(0), List.copyOf(shuffled.subList(0, train)));
        out.put(SPLITS.get(1), List.copyOf(shuffled.subList(train, Math.min(shuffled.size(), train + val))));
        out.put(SPLITS.get(2), List.copyOf(shuffled.subList(Math.min(shuffled.size(), train + val),
                shuffled.size())));
        return new GlossSplits(out);
    }

    /** The classes of a split; fails naming the split. */
    public List<GlossClass> classes(String split) {
        List<GlossClass> classes = splits.get(split);
        if (classes == null) {
            throw new DatasetException("wordnet-glosses has no split '" + split + "'; available: " + SPLITS);
        }
        return classes;
    }

    /** The split's examples as feature vectors, one store class per text class. */
    public ClassStore features(String split, CharNgramFeatures featurizer, int dimensions) {
        ClassStore.Builder builder = ClassStore.builder(dimensions);
        for (GlossClass c : classes(split)) {
            builder.addClass(c.name(), c.examples().stream().map(featurizer::of).toList());
        }
        return builder.build();
    }

    /**
     * The split's examples as their positions {@code [class index, example index]}: an episode sampler over this store
     * draws, for a seed, the same classes and examples as over {@link #features}'s (its draws do not depend on the
     * examples' values), so a method that needs the raw texts (a TF-IDF baseline) is scored on identical episodes.
     */
    public ClassStore positions(String split) {
        ClassStore.Builder builder = ClassStore.builder(2);
        List<GlossClass> classes = classes(split);
        for (int c = 0; c < classes.size(); c++) {
            List<float[]> rows = new ArrayList<>();
            for (int i = 0; i < classes.get(c).examples().size(); i++) {
                rows.add(new float[] {c, i});
            }
            builder.addClass(classes.get(c).name(), rows);
        }
        return builder.build();
    }
}
