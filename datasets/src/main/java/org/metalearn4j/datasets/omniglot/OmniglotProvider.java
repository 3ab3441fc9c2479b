package org.metalearn4j.datasets.omniglot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.datasets.store.DataDirectory;
import org.metalearn4j.datasets.store.DecodedCache;

/**
 * {@code omniglot}: the full Omniglot set from {@code images_background.zip} and {@code images_evaluation.zip} in the
 * cache directory, with the Vinyals et al. (2016) split: 1200 characters for training and the remaining 423 for
 * testing, taken in the standard order of the 1623 characters (background alphabets, then evaluation alphabets, each
 * sorted by alphabet and character). The 1200 are divided into {@code meta-train} (first 1100, each rotation by
 * 0/90/180/270 degrees a class of its own: 4400 classes) and {@code meta-val} (next 100); {@code meta-test} has 423.
 * When the zips are absent it downloads them if asked to, else
 * fails saying where it looked; the offline alternative is {@code omniglot-small}.
 */
public final class OmniglotProvider implements DatasetProvider<OmniglotConfig> {
    public static final String NAME = "omniglot";
    public static final String BACKGROUND_ZIP = "images_background.zip";
    public static final String EVALUATION_ZIP = "images_evaluation.zip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Full Omniglot (1623 characters), Vinyals split 1100/100/423, from the cache directory or downloaded";
    }

    @Override
    public Class<OmniglotConfig> configType() {
        return OmniglotConfig.class;
    }

    @Override
    public OmniglotConfig defaults() {
        return new OmniglotConfig(28, null, false, null, null, 1100, 100, true, 0, 0, 0, 0, 0,
                OmniglotSmallConfig.DEFAULT_ELASTIC_SIGMA);
    }

    @Override
    public Dataset open(OmniglotConfig config) {
        int size = config.imageSize();
        Map<String, UnaryOperator<TaskSource>> augmentation = config.augmentation().transforms();
        Path dir = DataDirectory.resolve(config.cacheDir()).resolve(NAME);
        Path background = dir.resolve(BACKGROUND_ZIP);
        Path evaluation = dir.resolve(EVALUATION_ZIP);
        if (!Files.isRegularFile(background) || !Files.isRegularFile(evaluation)) {
            if (!config.download()) {
                throw new DatasetException("full Omniglot not found: looked for " + background + " and " + evaluation
                        + " (cache directory from 'cacheDir', else $" + DataDirectory.ENV
                        + ", else ~/.cache/metalearn4j)."
                        + " Copy both zips from https://github.com/brendenlake/omniglot/tree/master/python there, or"
                        + " set download: true (verified against backgroundSha256 / evaluationSha256"
                        + " when given, else the"
                        + " MD5 torchvision publishes). The shipped offline set is"
                        + " omniglot-small.");
            }
            OmniglotDownloader downloader = new OmniglotDownloader();
            downloader.fetch(OmniglotDownloader.BACKGROUND, background, config.backgroundSha256());
            downloader.fetch(OmniglotDownloader.EVALUATION, evaluation, config.evaluationSha256());
        }
        String key = NAME + ":" + stamp(background) + ":" + stamp(evaluation) + ":" + size + ":"
                + config.trainCharacters() + ":" + config.validationCharacters() + ":" + config.rotateMetaTrain();
        Map<String, ClassStore> splits = DecodedCache.get(key, () -> load(background, evaluation, size, config));
        return new ClassStoreDataset(NAME, splits, augmentation);
    }

    private static Map<String, ClassStore> load(Path background, Path evaluation, int size, OmniglotConfig config) {
        List<OmniglotCharacter> all = new ArrayList<>(OmniglotZip.read(background, size));
        all.addAll(OmniglotZip.read(evaluation, size));
        int train = config.trainCharacters();
        int val = config.validationCharacters();
        if (train + val >= all.size()) {
            throw new ConfigException("trainCharacters", "trainCharacters + validationCharacters = " + (train + val)
                    + " leaves no meta-test characters: the archives hold " + all.size());
        }
        Map<String, ClassStore> splits = new LinkedHashMap<>();
        splits.put("meta-train", OmniglotStores.build(all.subList(0, train), size, config.rotateMetaTrain()));
        if (val > 0) {
            splits.put("meta-val", OmniglotStores.build(all.subList(train, train + val), size, false));
        }
        splits.put("meta-test", OmniglotStores.build(all.subList(train + val, all.size()), size, false));
        return splits;
    }

    private static String stamp(Path file) {
        try {
            return file + "@" + Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
