package org.metalearn4j.core.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * A classification data set whose splits are {@link ClassStore}s: every split offers both episodes and the flat
 * labelled view. Episode domains are {@code <dataset>/<split>}. A split may have a task transform (augmentation such
 * as the datasets module's random shifts) applied to its episodes; the flat view is never transformed.
 */
public final class ClassStoreDataset implements Dataset {
    private final String name;
    private final Map<String, ClassStore> splits;
    private final Map<String, UnaryOperator<TaskSource>> transforms;
    private final long[] inputShape;

    /** @param splits split name to store, in the order {@link #splits()} lists them; all with the same example shape */
    public ClassStoreDataset(String name, Map<String, ClassStore> splits) {
        this(name, splits, Map.of());
    }

    /**
     * @param splits     split name to store, in the order {@link #splits()} lists them; all with the same example shape
     * @param transforms split name to the transform wrapped around that split's episode source
     */
    public ClassStoreDataset(String name, Map<String, ClassStore> splits,
                             Map<String, UnaryOperator<TaskSource>> transforms) {
        if (splits.isEmpty()) {
            throw new IllegalArgumentException(name + ": a data set needs at least one split");
        }
        if (!splits.keySet().containsAll(transforms.keySet())) {
            throw new IllegalArgumentException(name + ": transforms for splits " + transforms.keySet()
                    + " but the splits are " + splits.keySet());
        }
        this.name = name;
        this.splits = new LinkedHashMap<>(splits);
        this.transforms = Map.copyOf(transforms);
        this.inputShape = splits.values().iterator().next().exampleShape();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskType type() {
        return TaskType.CLASSIFICATION;
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<String> splits() {
        return List.copyOf(splits.keySet());
    }

    /** The store behind a split. */
    public ClassStore store(String split) {
        ClassStore store = splits.get(split);
        if (store == null) {
            throw new DatasetException(name + " has no split '" + split + "'; available: " + splits.keySet());
        }
        return store;
    }

    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        TaskSource episodes = new EpisodeSampler(store(split), spec, name + "/" + split);
        return transforms.getOrDefault(split, UnaryOperator.identity()).apply(episodes);
    }

    @Override
    public Optional<UnaryOperator<TaskSource>> augmentation(String split) {
        store(split);
        return Optional.ofNullable(transforms.get(split));
    }

    @Override
    public LabeledSet labeled(String split) {
        return store(split).toLabeledSet();
    }
}
