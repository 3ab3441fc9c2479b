package org.metalearn4j.datasets.text;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.datasets.store.DecodedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wordnet-glosses}: few-shot text classification over WordNet noun categories (Debian package
 * {@code wordnet-base}). A class is a noun synset with at least {@code minExamples} hyponyms, its examples their
 * definitions ({@link GlossClasses}); classes are divided into disjoint {@code meta-train}, {@code meta-val} and
 * {@code meta-test} splits by a seed ({@link GlossSplits}). Texts are given to learners as hashed character n-gram
 * vectors ({@link CharNgramFeatures}): a fixed input featurisation, so every learner, backbone and transfer stage
 * works on them unchanged and the encoder that learns is the backbone, trained from scratch.
 */
public final class WordNetGlossesProvider implements DatasetProvider<WordNetGlossesConfig> {
    public static final String NAME = "wordnet-glosses";
    private static final Logger LOG = LoggerFactory.getLogger(WordNetGlossesProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "WordNet noun categories, hyponym definitions as examples (wordnet-base), hashed char n-grams";
    }

    @Override
    public Class<WordNetGlossesConfig> configType() {
        return WordNetGlossesConfig.class;
    }

    @Override
    public WordNetGlossesConfig defaults() {
        return new WordNetGlossesConfig(WordNetNouns.DEBIAN_DIRECTORY, 20, 2048, 3, 4, 0.6, 0.2, 0);
    }

    @Override
    public Dataset open(WordNetGlossesConfig config) {
        GlossSplits splits = splits(config);
        CharNgramFeatures featurizer = new CharNgramFeatures(config.dimensions(), config.minN(), config.maxN());
        Map<String, ClassStore> stores = new LinkedHashMap<>();
        for (String split : GlossSplits.SPLITS) {
            stores.put(split, DecodedCache.get(NAME + ":" + config + ":" + split,
                    () -> splits.features(split, featurizer, config.dimensions())));
        }
        return new ClassStoreDataset(NAME, stores);
    }

    /** The classes and their division as {@code config} gives them, for methods that need the raw texts. */
    public static GlossSplits splits(WordNetGlossesConfig config) {
        Path directory = Path.of(config.path()).toAbsolutePath().normalize();
        WordNetNouns.Result nouns = DecodedCache.get(NAME + ":" + directory, () -> {
            WordNetNouns.Result read = WordNetNouns.read(directory);
            read.problems().stream().limit(10).forEach(LOG::warn);
            if (read.problems().size() > 10) {
                LOG.warn("{} more malformed lines skipped", read.problems().size() - 10);
            }
            return read;
        });
        return GlossSplits.of(GlossClasses.of(nouns.synsets(), config.minExamples()), config.trainFraction(),
                config.valFraction(), config.splitSeed());
    }
}
