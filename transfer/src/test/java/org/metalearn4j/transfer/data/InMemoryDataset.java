package org.metalearn4j.transfer.data;

import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/** A labelled classification data set held in memory, registered under a test-chosen name. */
public final class InMemoryDataset implements Dataset {
    private final String name;
    private final Map<String, LabeledSet> splits;

    public InMemoryDataset(String name, Map<String, LabeledSet> splits) {
        this.name = name;
        this.splits = Map.copyOf(splits);
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
        LabeledSet any = splits.values().iterator().next();
        long[] shape = any.examples().x().shape();
        return java.util.Arrays.copyOfRange(shape, 1, shape.length);
    }

    @Override
    public List<String> splits() {
        return List.copyOf(splits.keySet());
    }

    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        return new EpisodeSampler(labeled(split), spec, name + "/" + split);
    }

    @Override
    public LabeledSet labeled(String split) {
        LabeledSet s = splits.get(split);
        if (s == null) {
            throw new DatasetException(name + " has no split '" + split + "'; splits: " + splits.keySet());
        }
        return s;
    }

    /** The config-less provider returning this data set. */
    public DatasetProvider<NoConfig> provider() {
        InMemoryDataset self = this;
        return new DatasetProvider<>() {
            @Override
            public Dataset open(NoConfig config) {
                return self;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "in-memory test data";
            }

            @Override
            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            @Override
            public NoConfig defaults() {
                return new NoConfig();
            }
        };
    }

    public record NoConfig() {
    }
}
