package org.metalearn4j.core.config;

import java.util.Set;
import org.metalearn4j.core.spi.ConfigException;

/**
 * Whether a run may continue from a checkpoint under a given configuration: only {@code train.iterations} may differ
 * from the configuration the checkpoint was trained with, since anything else would silently mix two experiments in
 * one run directory, {@code cluster}, which decides where tasks are computed, not what they compute, and
 * {@code pluginsDir}, which says where the providers' JARs are found, not which providers run (their names and params
 * are compared). The user can accept other changes explicitly ({@code metalearn train --allow-config-change}).
 */
public final class ResumeCheck {
    /**
     * The keys a resumed run may change without the explicit override: how long it trains, on which workers, and where
     * its plugins are loaded from.
     */
    public static final Set<String> CHANGEABLE = Set.of("train.iterations", "cluster", "pluginsDir");

    private ResumeCheck() {
    }

    /**
     * The differences between {@code saved} and {@code now} outside {@link #CHANGEABLE}: empty when the run may
     * resume as is; returned for a warning when {@code allowChange}; otherwise refused listing every one.
     *
     * @param saved      the checkpoint's configuration, with its providers' params filled in as {@code now}'s are
     * @param checkpoint the checkpoint file, for the message
     * @throws ConfigException listing each differing key as {@code path: saved -> now}
     */
    public static ConfigDiff require(RunConfig saved, RunConfig now, String checkpoint, boolean allowChange) {
        ConfigDiff diff = ConfigDiff.between(saved, now).except(CHANGEABLE);
        if (!diff.isEmpty() && !allowChange) {
            throw new ConfigException("", "cannot resume: the configuration differs from the one checkpoint "
                    + checkpoint + " was trained with (only train.iterations, cluster and pluginsDir may "
                    + "change):\n" + diff
                    + "\nresume with the run's configuration (its config.json), or accept the change with "
                    + "--allow-config-change");
        }
        return diff;
    }
}
