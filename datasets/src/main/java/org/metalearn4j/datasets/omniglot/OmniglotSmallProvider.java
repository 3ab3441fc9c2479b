package org.metalearn4j.datasets.omniglot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.image.ImageFormat;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.store.DecodedCache;

/**
 * {@code omniglot-small}: the two small Omniglot background sets shipped in this JAR (works offline).
 * <ul>
 *   <li>{@code meta-train}: every character of {@code images_background_small1} (Balinese, Early_Aramaic, Greek,
 *       Korean, Latin), each rotation by 0/90/180/270 degrees a class of its own: 544 classes.</li>
 *   <li>{@code meta-test}: the characters of the {@code images_background_small2} alphabets that small1 does not
 *       have (Japanese_(katakana), Sanskrit, Tagalog), unrotated: 106 classes. Greek and Latin, present in both
 *       archives, are kept once, in meta-train.</li>
 *   <li>{@code meta-val}, only when {@code validationAlphabets} names some small1 alphabets: their characters,
 *       unrotated, taken out of {@code meta-train}.</li>
 * </ul>
 * With {@code generated.run} naming a trained generator (loaded with the learners on the class path), every support
 * set of the chosen splits also gets {@code generated.perClass} generated examples per class.
 */
public final class OmniglotSmallProvider implements DatasetProvider<OmniglotSmallConfig> {
    public static final String NAME = "omniglot-small";
    static final String SMALL1 = "images_background_small1.zip";
    static final String SMALL2 = "images_background_small2.zip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Omniglot small1 (544 rotated classes, meta-train) / small2-only alphabets (106 classes, meta-test),"
                + " shipped";
    }

    @Override
    public Class<OmniglotSmallConfig> configType() {
        return OmniglotSmallConfig.class;
    }

    @Override
    public OmniglotSmallConfig defaults() {
        return new OmniglotSmallConfig(28, 0);
    }

    @Override
    public Dataset open(OmniglotSmallConfig config) {
        int size = config.imageSize();
        Map<String, UnaryOperator<TaskSource>> augmentation = config.augmentation().transforms();
        List<String> validation = config.validationAlphabets();
        // decoded once per size, whatever the split: each validation choice only regroups the same characters
        Map<String, ClassStore> splits = DecodedCache.get(NAME + ":" + size + ":" + validation, () -> {
            Map<String, ClassStore> stores = new LinkedHashMap<>();
            characterSplits(archives(size), validation).forEach((split, characters) -> stores.put(split,
                    OmniglotStores.build(characters, size, split.equals("meta-train"))));
            return stores;
        });
        Map<String, UnaryOperator<TaskSource>> transforms = config.generated().addTo(augmentation,
                List.copyOf(splits.keySet()), new long[] {1, size, size}, PluginRegistry.classpath());
        return new ClassStoreDataset(NAME, splits, transforms,
                Optional.of(new ImageFormat(size, size, ImageFormat.Ink.DARK)));
    }

    /**
     * The characters of {@code split} as {@link #open} divides them, upright and with their drawers: for evaluation
     * sets made of particular drawings rather than sampled episodes, such as {@link WithinAlphabetRuns}.
     *
     * @throws ConfigException naming the split when the configuration has no such split
     */
    public List<OmniglotCharacter> characters(OmniglotSmallConfig config, String split) {
        Map<String, List<OmniglotCharacter>> splits = characterSplits(archives(config.imageSize()),
                config.validationAlphabets());
        List<OmniglotCharacter> characters = splits.get(split);
        if (characters == null) {
            throw new ConfigException("split", NAME + " has no split '" + split + "' with this configuration;"
                    + " available: " + splits.keySet());
        }
        return characters;
    }

    private static Archives archives(int size) {
        return DecodedCache.get(NAME + ":" + size + ":characters", () -> new Archives(
                OmniglotZip.readResource(SMALL1, size), OmniglotZip.readResource(SMALL2, size)));
    }

    /** The decoded characters of the two shipped archives. */
    private record Archives(List<OmniglotCharacter> small1, List<OmniglotCharacter> small2) {
    }

    private static Map<String, List<OmniglotCharacter>> characterSplits(Archives archives, List<String> validation) {
        List<OmniglotCharacter> small1 = archives.small1();
        List<OmniglotCharacter> small2 = archives.small2();
        Set<String> small1Alphabets = small1.stream().map(OmniglotCharacter::alphabet)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String alphabet : validation) {
            if (!small1Alphabets.contains(alphabet)) {
                throw new ConfigException("validationAlphabets", "'" + alphabet + "' is not an alphabet of "
                        + SMALL1 + "; expected some of " + small1Alphabets);
            }
        }
        if (validation.containsAll(small1Alphabets)) {
            throw new ConfigException("validationAlphabets", "would leave meta-train empty: " + validation);
        }
        Map<String, List<OmniglotCharacter>> splits = new LinkedHashMap<>();
        splits.put("meta-train", small1.stream().filter(c -> !validation.contains(c.alphabet())).toList());
        if (!validation.isEmpty()) {
            splits.put("meta-val", small1.stream().filter(c -> validation.contains(c.alphabet())).toList());
        }
        splits.put("meta-test", small2.stream().filter(c -> !small1Alphabets.contains(c.alphabet())).toList());
        return splits;
    }
}
