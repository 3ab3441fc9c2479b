package org.metalearn4j.transfer.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.nn.backbone.BackboneProvider;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.AdapterProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.spi.Provider;
import org.metalearn4j.core.spi.ProviderRegistry;

/** A registry over explicit provider lists, so tests control exactly what exists. */
public final class MapRegistry implements ProviderRegistry {
    private final Map<String, StageProvider<?>> stages = new LinkedHashMap<>();
    private final Map<String, DatasetProvider<?>> datasets = new LinkedHashMap<>();
    private final Map<String, LearnerProvider<?>> learners = new LinkedHashMap<>();

    public MapRegistry stage(StageProvider<?> p) {
        stages.put(p.name(), p);
        return this;
    }

    public MapRegistry dataset(DatasetProvider<?> p) {
        datasets.put(p.name(), p);
        return this;
    }

    public MapRegistry learner(LearnerProvider<?> p) {
        learners.put(p.name(), p);
        return this;
    }

    private static <T extends Provider<?>> T find(Map<String, T> m, String kind, String name) {
        T p = m.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; available: " + m.keySet());
        }
        return p;
    }

    @Override
    public LearnerProvider<?> learner(String name) {
        return find(learners, "learner", name);
    }

    @Override
    public AdapterProvider<?> adapter(String name) {
        throw new IllegalArgumentException("unknown adapter '" + name + "'; available: []");
    }

    @Override
    public DatasetProvider<?> dataset(String name) {
        return find(datasets, "dataset", name);
    }

    @Override
    public StageProvider<?> stage(String name) {
        return find(stages, "stage", name);
    }

    @Override
    public BackboneProvider<?> backbone(String name) {
        return PluginRegistry.classpath().backbone(name);
    }

    @Override
    public Collection<BackboneProvider<?>> backbones() {
        return PluginRegistry.classpath().backbones();
    }

    @Override
    public Backend backend(String name) {
        throw new IllegalArgumentException("unknown backend '" + name + "'; available: []");
    }

    @Override
    public Collection<LearnerProvider<?>> learners() {
        return new ArrayList<>(learners.values());
    }

    @Override
    public Collection<AdapterProvider<?>> adapters() {
        return List.of();
    }

    @Override
    public Collection<DatasetProvider<?>> datasets() {
        return new ArrayList<>(datasets.values());
    }

    @Override
    public Collection<StageProvider<?>> stages() {
        return new ArrayList<>(stages.values());
    }

    @Override
    public Collection<Backend> backends() {
        return List.of();
    }

    @Override
    public String origin(Object provider) {
        return "classpath";
    }
}
