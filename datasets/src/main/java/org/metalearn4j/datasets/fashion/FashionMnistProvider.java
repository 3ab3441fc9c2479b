package org.metalearn4j.datasets.fashion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.image.ImageFormat;
import org.metalearn4j.datasets.store.DecodedCache;

/**
 * {@code fashion-mnist}: Fashion-MNIST from IDX files, by default where the Debian package {@code
 * dataset-fashion-mnist} puts them. Splits:
 * <ul>
 *   <li>{@code train} (60,000) and {@code test} (10,000): all ten classes, labels as published;</li>
 *   <li>{@code source-train}, {@code source-test}, {@code target-train}, {@code target-test}: only the configured
 *       source or target classes, relabelled 0..n-1 in the configured order (for transfer experiments);</li>
 *   <li>{@code meta-train}: episodes over the source classes of the training images; {@code meta-test}: episodes
 *       over the target classes of the test images.</li>
 * </ul>
 * The decoded images (about 220 MB of floats) are kept in memory for the life of the JVM.
 */
public final class FashionMnistProvider implements DatasetProvider<FashionMnistConfig> {
    public static final String NAME = "fashion-mnist";
    public static final String DEFAULT_PATH = "/usr/share/datasets/fashion-mnist";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fashion-MNIST 28x28 from IDX files (train/test, source/target class splits, episodes)";
    }

    @Override
    public Class<FashionMnistConfig> configType() {
        return FashionMnistConfig.class;
    }

    @Override
    public FashionMnistConfig defaults() {
        return new FashionMnistConfig(DEFAULT_PATH, List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9));
    }

    @Override
    public Dataset open(FashionMnistConfig config) {
        int[] source = config.sourceClasses().stream().mapToInt(Integer::intValue).toArray();
        int[] target = config.targetClasses().stream().mapToInt(Integer::intValue).toArray();
        Path dir = Path.of(config.path()).toAbsolutePath().normalize();
        ClassStore train = DecodedCache.get(cacheKey(dir, "train"), () -> FashionMnistFiles.load(dir, "train"));
        ClassStore test = DecodedCache.get(cacheKey(dir, "t10k"), () -> FashionMnistFiles.load(dir, "t10k"));
        Map<String, ClassStore> splits = new LinkedHashMap<>();
        splits.put("train", train);
        splits.put("test", test);
        splits.put("source-train", train.select(source));
        splits.put("source-test", test.select(source));
        splits.put("target-train", train.select(target));
        splits.put("target-test", test.select(target));
        splits.put("meta-train", train.select(source));
        splits.put("meta-test", test.select(target));
        return new ClassStoreDataset(NAME, splits, Map.of(),
                Optional.of(new ImageFormat(28, 28, ImageFormat.Ink.LIGHT)));
    }

    /** Directory plus the size and modification time of its files, so replaced files are read again. */
    private static String cacheKey(Path dir, String prefix) {
        StringBuilder key = new StringBuilder(NAME).append(':').append(dir).append(':').append(prefix);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().forEach(p -> {
                try {
                    key.append(':').append(p.getFileName()).append('@').append(Files.size(p)).append('@')
                            .append(Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    key.append(":?");
                }
            });
        } catch (IOException e) {
            key.append(":unlisted");
        }
        return key.toString();
    }
}
