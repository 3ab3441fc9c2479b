package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigMappers;

/** Counts held as doubles in a stage's metrics are shown and written as whole numbers. */
class MetricValueTest {

    @Test
    void countsHaveNoFractionOtherValuesFourSignificantDigits() {
        assertThat(MetricValue.text(1000.0)).isEqualTo("1000");
        assertThat(MetricValue.text(0.871234)).isEqualTo("0.8712");
        assertThat(MetricValue.text(12.5)).isEqualTo("12.50");
        ObjectNode json = ConfigMappers.plain().createObjectNode();
        MetricValue.put(json, "episodes", 200.0);
        MetricValue.put(json, "accuracy", 0.5);
        assertThat(json.toString()).isEqualTo("{\"episodes\":200,\"accuracy\":0.5}");
    }
}
