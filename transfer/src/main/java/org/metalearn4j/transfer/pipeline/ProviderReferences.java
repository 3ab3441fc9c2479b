package org.metalearn4j.transfer.pipeline;

import java.util.Map;

/**
 * Implemented by stage config records that name data sets or learners, so the validator can check the names exist in
 * the registry before any stage trains (a typo in the last stage must not cost the first stage's training).
 */
public interface ProviderReferences {

    /** Config field name to the data set it names. */
    Map<String, String> datasets();

    /** Config field name to the learner it names; empty by default. */
    default Map<String, String> learners() {
        return Map.of();
    }
}
