package org.metalearn4j.core.plugin;

import com.google.inject.Module;

/**
 * A plugin's own Guice bindings, found through {@link java.util.ServiceLoader} like every provider (one line in
 * {@code META-INF/services/org.metalearn4j.core.plugin.PluginModule}). Typical use: adding a
 * {@link org.metalearn4j.core.event.TrainingListener} to the listener set with a {@code Multibinder}.
 */
public interface PluginModule extends Module {
}
