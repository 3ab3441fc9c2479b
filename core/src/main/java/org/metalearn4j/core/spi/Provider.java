package org.metalearn4j.core.spi;

/**
 * Common shape of everything {@link java.util.ServiceLoader} discovers: a unique name, a rank used to choose among
 * providers of the same name (highest wins, as in DJL's {@code EngineProvider}), a one-line description, and a typed,
 * immutable configuration record with documented defaults.
 *
 * <p>Providers must be cheap to construct: the expensive object (learner, dataset, backend) is created lazily by the
 * sub-interface's factory method.
 *
 * @param <C> the provider's configuration record; {@link #defaults()} is the single place its defaults are defined
 */
public interface Provider<C extends Record> {

    /** Unique, lower-case name used in configs and on the command line, e.g. {@code "maml"}. */
    String name();

    /** One line for {@code metalearn plugins}. */
    String description();

    /** Higher rank wins when two providers share a name. */
    default int rank() {
        return 0;
    }

    /** The configuration record type; unknown keys in a config fail against its components. */
    Class<C> configType();

    /** The configuration used when a config file omits a key: the one place a provider's defaults are written. */
    C defaults();
}
