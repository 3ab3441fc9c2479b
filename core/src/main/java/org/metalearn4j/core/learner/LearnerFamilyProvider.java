package org.metalearn4j.core.learner;

/**
 * What the providers of one learner family share: the members read one configuration record and differ in their
 * name, description and defaults (and in how {@link #create} builds the learner). Each member stays its own
 * {@link java.util.ServiceLoader} provider: a subclass passes its three differences here and writes {@code create}.
 *
 * @param <C> the family's configuration record
 */
public abstract class LearnerFamilyProvider<C extends Record> implements LearnerProvider<C> {
    private final String name;
    private final String description;
    private final Class<C> configType;
    private final C defaults;

    /**
     * @param defaults this member's defaults: a record, built once when the provider is (records are cheap)
     */
    protected LearnerFamilyProvider(String name, String description, Class<C> configType, C defaults) {
        this.name = name;
        this.description = description;
        this.configType = configType;
        this.defaults = defaults;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final C defaults() {
        return defaults;
    }
}
