package org.metalearn4j.datasets.completion;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.datasets.fashion.FashionMnistConfig;
import org.metalearn4j.datasets.fashion.FashionMnistProvider;
import org.metalearn4j.datasets.omniglot.OmniglotSmallConfig;
import org.metalearn4j.datasets.omniglot.OmniglotSmallProvider;

/**
 * {@code image-completion}: regression tasks "predict an image's pixel intensities from a few of its pixels"
 * ({@link PixelTasks}), splits {@code meta-train} and {@code meta-test} (Fashion-MNIST training and test images, or
 * Omniglot's meta-train and meta-test characters). Episodes have way 1, {@code shot} context pixels and {@code query}
 * query pixels.
 */
public final class ImageCompletionProvider implements DatasetProvider<ImageCompletionConfig> {
    public static final String NAME = "image-completion";
    private static final List<String> SPLITS = List.of("meta-train", "meta-test");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "image completion: pixel coordinates to intensities of Fashion-MNIST or Omniglot images";
    }

    @Override
    public Class<ImageCompletionConfig> configType() {
        return ImageCompletionConfig.class;
    }

    @Override
    public ImageCompletionConfig defaults() {
        return new ImageCompletionConfig(ImageCompletionConfig.Source.FASHION_MNIST, FashionMnistProvider.DEFAULT_PATH,
                28, 0);
    }

    @Override
    public Dataset open(ImageCompletionConfig config) {
        Map<String, ClassStore> images = switch (config.source()) {
            case FASHION_MNIST -> {
                FashionMnistProvider fashion = new FashionMnistProvider();
                ClassStoreDataset d = (ClassStoreDataset) fashion.open(new FashionMnistConfig(config.path(),
                        fashion.defaults().sourceClasses(), fashion.defaults().targetClasses()));
                yield Map.of("meta-train", d.store("train"), "meta-test", d.store("test"));
            }
            case OMNIGLOT_SMALL -> {
                ClassStoreDataset d = (ClassStoreDataset) new OmniglotSmallProvider().open(
                        new OmniglotSmallConfig(config.imageSize(), 0));
                yield Map.of("meta-train", d.store("meta-train"), "meta-test", d.store("meta-test"));
            }
        };
        return new CompletionDataset(images, config.minContext());
    }

    /** The opened data set: pixel tasks over the images of each split. */
    private static final class CompletionDataset implements Dataset {
        private final Map<String, ClassStore> images;
        private final int minContext;

        CompletionDataset(Map<String, ClassStore> images, int minContext) {
            this.images = images;
            this.minContext = minContext;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public TaskType type() {
            return TaskType.REGRESSION;
        }

        @Override
        public long[] inputShape() {
            return new long[] {2};
        }

        @Override
        public List<String> splits() {
            return SPLITS;
        }

        @Override
        public TaskSource episodes(String split, EpisodeSpec spec) {
            ClassStore store = images.get(split);
            if (store == null) {
                throw new DatasetException(NAME + " has no split '" + split + "'; available: " + SPLITS);
            }
            if (spec.way() != 1) {
                throw new DatasetException(NAME + "/" + split + ": completion tasks have way 1, got " + spec.way());
            }
            try {
                return new PixelTasks(store, spec.shot(), spec.query(), minContext, NAME + "/" + split);
            } catch (IllegalArgumentException e) {
                throw new DatasetException(e.getMessage(), e);
            }
        }
    }
}
