package dev.incidents.projection.app;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvertisedAddressTest {

    @Test
    void a_host_other_instances_can_reach_is_the_query_address() {
        assertThat(AdvertisedAddress.of("projection-1.internal:8082")).isEqualTo(new HostInfo(
                "projection-1.internal", 8082));
        assertThat(AdvertisedAddress.of("10.0.0.7:8082")).isEqualTo(new HostInfo("10.0.0.7", 8082));
    }

    @Test
    void a_wildcard_bind_address_is_refused_naming_the_setting_to_change() {
        for (String wildcard : new String[] {"0.0.0.0:8082", "[::]:8082"}) {
            assertThatThrownBy(() -> AdvertisedAddress.of(wildcard)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(wildcard).hasMessageContaining("incidents.advertised-host");
        }
    }

    @Test
    void an_address_without_a_port_is_refused() {
        assertThatThrownBy(() -> AdvertisedAddress.of("projection-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("incidents.advertised-host");
    }
}
