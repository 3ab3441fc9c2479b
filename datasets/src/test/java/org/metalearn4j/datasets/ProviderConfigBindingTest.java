package org.metalearn4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ServiceLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.junit.jupiter.api.Test;

/** Every provider's config record binds with Jackson: its defaults survive a JSON round trip unchanged. */
class ProviderConfigBindingTest {
    @Test
    @SuppressWarnings("rawtypes")
    void defaultsRoundTripThroughJson() throws Exception {
        ObjectMapper mapper = ConfigMappers.json();
        int seen = 0;
        for (DatasetProvider provider : ServiceLoader.load(DatasetProvider.class)) {
            Record defaults = provider.defaults();
            String json = mapper.writeValueAsString(defaults);
            assertThat(mapper.readValue(json, provider.configType())).as(provider.name() + ": " + json)
                    .isEqualTo(defaults);
            seen++;
        }
        assertThat(seen).isEqualTo(10);
    }
}
