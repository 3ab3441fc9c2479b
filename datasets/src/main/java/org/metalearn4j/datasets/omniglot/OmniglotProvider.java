package org.metalearn4j.datasets.omniglot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.image.ImageFormat;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.store.DataDirectory;
import org.metalearn4j.datasets.store.DecodedCache;
import org.metalearn4j.datasets.store.ExpectedDigest;
import org.metalearn4j.datasets.store.VerifiedFile;

/**
 * {@code omniglot}: the full Omniglot set from {@code images_background.zip} and {@code images_evaluation.zip} in the
 * cache directory, with the Vinyals et al. (2016) split: 1200 characters for training and the remaining 423 for
 * testing, taken in the standard order of the 1623 characters (background alphabets, then evaluation alphabets, each
 * sorted by alphabet and character). The 1200 are divided into {@code meta-train} (first 1100, each rotation by
 * 0/90/180/270 degrees a class of its own: 4400 classes) and {@code meta-val} (next 100); {@code meta-test} has 423.
 * When the zips are absent it downloads them if asked to, else
 * fails saying where it looked; the offline alternative is {@code omniglot-small}. Zips already present are checked
 * against their checksum on every open ({@link VerifiedFile}), and read only when whole ({@link OmniglotZip}).
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
                throw new ConfigException("cacheDir", "full Omniglot not found: looked for " + background + " and "
                        + evaluation
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
        boolean officialBackground = verify(background, config.backgroundSha256(), "backgroundSha256");
        boolean officialEvaluation = verify(evaluation, config.evaluationSha256(), "evaluationSha256");
        String key = NAME + ":" + stamp(background) + ":" + stamp(evaluation) + ":" + size + ":"
                + config.trainCharacters() + ":" + config.validationCharacters() + ":" + config.rotateMetaTrain();
        Map<String, ClassStore> splits = DecodedCache.get(key, () -> load(background, evaluation, size, config,
                officialBackground && officialEvaluation));
        return new ClassStoreDataset(NAME, splits, augmentation,
                Optional.of(new ImageFormat(size, size, ImageFormat.Ink.DARK)));
    }

    /**
     * Checks a cached archive against its checksum ({@link ExpectedDigest}: configured, sidecar, else the MD5
     * torchvision publishes), cheaply after the first time ({@link VerifiedFile}).
     *
     * @return whether it was checked against the published MD5, i.e. is the official archive, whose contents are known
     */
    private static boolean verify(Path archive, String configured, String field) {
        ExpectedDigest expected;
        try {
            expected = ExpectedDigest.of(configured, archive, OmniglotDownloader.PUBLISHED_MD5).orElseThrow();
        } catch (DatasetException e) {
            throw new ConfigException(field, e.getMessage(), e);
        }
        VerifiedFile.require(archive, expected);
        return expected.md5();
    }

    private static Map<String, ClassStore> load(Path background, Path evaluation, int size, OmniglotConfig config,
                                                boolean official) {
        List<OmniglotCharacter> backgroundSet = OmniglotZip.read(background, size);
        List<OmniglotCharacter> evaluationSet = OmniglotZip.read(evaluation, size);
        if (official) {
            OmniglotSet.of(BACKGROUND_ZIP).orElseThrow().requireComplete(backgroundSet, background.toString());
            OmniglotSet.of(EVALUATION_ZIP).orElseThrow().requireComplete(evaluationSet, evaluation.toString());
        }
        List<OmniglotCharacter> all = new ArrayList<>(backgroundSet);
        all.addAll(evaluationSet);
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
