package org.illbridge.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a peer may send from: literal addresses and networks, IPv4 and IPv6, never a host name. */
class SourceNetworkTest {

    @Test
    void anIpv4NetworkHoldsItsAddressesOnly() {
        SourceNetwork network = SourceNetwork.parse("ZBW", "10.1.0.0/16");

        assertThat(network.contains("10.1.200.7")).isTrue();
        assertThat(network.contains("10.2.0.1")).isFalse();
        assertThat(network.contains("::1")).isFalse();
    }

    @Test
    void aSingleAddressAndAnIpv6NetworkWorkToo() {
        assertThat(SourceNetwork.parse("ZBW", "192.0.2.7").contains("192.0.2.7")).isTrue();
        assertThat(SourceNetwork.parse("ZBW", "192.0.2.7").contains("192.0.2.8")).isFalse();
        assertThat(SourceNetwork.parse("ZBW", "2001:db8::/32").contains("2001:db8:1::5")).isTrue();
        assertThat(SourceNetwork.parse("ZBW", "2001:db8::/32").contains("2001:db9::5")).isFalse();
    }

    @Test
    void aHostNameOrABadPrefixIsRefusedWithASentence() {
        assertThatThrownBy(() -> SourceNetwork.parse("ZBW", "ill.zbw.example.org"))
                .hasMessageContaining("peer ZBW: allowed-sources 'ill.zbw.example.org' is not an IP address or network");
        assertThatThrownBy(() -> SourceNetwork.parse("ZBW", "10.0.0.0/33")).hasMessageContaining("prefix length from 0 to 32");
    }

    @Test
    void aPeerWithoutAllowedSourcesMaySendFromAnywhere() {
        Peer anywhere = new Peer("ZBW", "192.0.2.7:1611", null, null, false, null, null, null);
        Peer fenced = new Peer("ZBW", "192.0.2.7:1611", null, null, false, null, null, List.of("192.0.2.0/24"));

        assertThat(anywhere.allowsSource("203.0.113.9")).isTrue();
        assertThat(fenced.allowsSource("192.0.2.99")).isTrue();
        assertThat(fenced.allowsSource("203.0.113.9")).isFalse();
    }
}
