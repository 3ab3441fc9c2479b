package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.spi.Provider;

/**
 * Binds a stage's (or a learner's) user config onto its provider's config record with core's {@link ConfigBinder}:
 * keys the user leaves out keep the provider's defaults, unknown keys and wrong types fail naming the field. Also
 * renders bound configs as JSON for provenance.
 */
public final class StageConfigBinder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageConfigBinder() {
    }

    /**
     * The provider's defaults overridden by {@code overrides}.
     *
     * @param path where the config sits, e.g. {@code config}, for messages
     */
    public static <C extends Record> C bind(Provider<C> provider, JsonNode overrides, String path) {
        return ConfigBinder.bindParams(provider, overrides, path, null);
    }

    /** The bound config as JSON, recorded in provenance so a run can be reproduced from its artifacts. */
    public static String toJson(Record config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise config " + config, e);
        }
    }
}
