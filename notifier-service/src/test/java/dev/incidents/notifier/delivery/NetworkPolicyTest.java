package dev.incidents.notifier.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses deliveries may go to; decided on addresses, no connection is opened here. */
class NetworkPolicyTest {

    private final NetworkPolicy strict = NetworkPolicy.allowing(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
            "fd00:ec2::254", "fc00::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:127.0.0.1",
            // IPv6 addresses that reach an internal IPv4 one: NAT64, 6to4, IPv4-compatible
            "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:a9fe:a9fe::1", "2002:a00:1::", "::169.254.169.254"})
    void internal_addresses_are_refused(String address) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(address))).as(address).isFalse();
        assertThat(strict.refusalOf(address.contains(":") ? "[" + address + "]" : address))
                .contains(NetworkPolicy.REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "64:ff9b::808:808", "2002:808:808::1"})
    void public_addresses_are_permitted(String address) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void an_operator_may_allow_internal_networks_by_cidr() throws Exception {
        NetworkPolicy loopback = NetworkPolicy.allowing(List.of("127.0.0.0/8", "::1/128"));

        assertThat(loopback.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(loopback.permits(InetAddress.getByName("::1"))).isTrue();
        assertThat(loopback.refusalOf("localhost")).isEmpty();
        assertThat(loopback.permits(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(loopback.permits(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void names_wait_for_the_connection_but_localhost_and_odd_numeric_hosts_are_judged_when_saved() {
        assertThat(strict.refusalOf("hooks.slack.com")).isEmpty();
        assertThat(strict.refusalOf("localhost")).contains(NetworkPolicy.REFUSED);
        assertThat(strict.refusalOf("api.localhost")).contains(NetworkPolicy.REFUSED);
        assertThat(strict.refusalOf("2130706433")).hasValueSatisfying(refusal -> assertThat(refusal)
                .startsWith("not an address"));
        assertThat(strict.refusalOf("999.1.1.1")).hasValueSatisfying(refusal -> assertThat(refusal)
                .startsWith("not an address"));
    }

    @Test
    void a_malformed_allowed_network_is_a_configuration_error() {
        for (String cidr : List.of("127.0.0.0/33", "localhost/8", "10.0.0.0/x")) {
            assertThatThrownBy(() -> NetworkPolicy.allowing(List.of(cidr))).as(cidr)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
