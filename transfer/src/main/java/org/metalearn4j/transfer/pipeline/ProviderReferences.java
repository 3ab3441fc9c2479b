package org.metalearn4j.transfer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Implemented by stage config records that name data sets or learners, so the validator can check the names exist in
 * the registry, and the learners' params bind, before any stage trains (a typo in the last stage must not cost the
 * first stage's training).
 */
public interface ProviderReferences {

    /** Config field name to the data set it names. */
    Map<String, String> datasets();

    /** Config field name to the learner it names; empty by default. */
    default Map<String, String> learners() {
        return Map.of();
    }

    /** Params the config holds for the learners it names; empty by default. */
    default List<LearnerParams> learnerParams() {
        return List.of();
    }

    /**
     * Params for a learner named in the same config.
     *
     * @param learnerField the field naming the learner, a key of {@link #learners()}
     * @param paramsField  the field holding the params
     * @param params       the params as written; missing keys take the learner's defaults
     */
    record LearnerParams(String learnerField, String paramsField, JsonNode params) {
    }
}
