package org.metalearn4j.core.plugin;

import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.spi.Provider;

/**
 * One service instance as found, and where it came from.
 *
 * @param service  the service interface it was found under
 * @param provider the instance ServiceLoader created
 * @param name     its name (null for a {@link PluginModule})
 * @param rank     its rank; the highest wins among equal names
 * @param origin   JAR file name (or class directory) it was loaded from
 */
record Discovered(Class<?> service, Object provider, String name, int rank, String origin) {

    static Discovered of(Class<?> service, Object provider, String origin) {
        if (provider instanceof Provider<?> p) {
            return new Discovered(service, provider, p.name(), p.rank(), origin);
        }
        if (provider instanceof Backend b) {
            return new Discovered(service, provider, b.name(), b.rank(), origin);
        }
        return new Discovered(service, provider, null, 0, origin);
    }
}
