package org.illbridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenerAddressTest {

    @Test
    void anAddressOfThisMachineIsBoundAsItIsAPublicNameOnTheDefaultHostAndItsPort() {
        assertThat(ListenerAddress.of("127.0.0.1:1612", "0.0.0.0")).isEqualTo(new ListenerAddress("127.0.0.1:1612", "127.0.0.1", 1612));
        assertThat(ListenerAddress.of("ill.library.example.org:499", "0.0.0.0"))
                .as("a name in front of a NAT reaches us on its port").isEqualTo(
                        new ListenerAddress("ill.library.example.org:499", "0.0.0.0", 499));
    }

    @Test
    void aWildcardListenerTakesEveryAddressOnItsPortSoOneSocketServesBoth() {
        ListenerAddress wildcard = ListenerAddress.configured("0.0.0.0", 1611);

        assertThat(wildcard.covers(ListenerAddress.of("127.0.0.1:1611", "0.0.0.0"))).isTrue();
        assertThat(wildcard.covers(ListenerAddress.of("127.0.0.1:1612", "0.0.0.0"))).isFalse();
        assertThat(ListenerAddress.configured("127.0.0.1", 1611).covers(ListenerAddress.of("localhost:1611", "0.0.0.0"))).isTrue();
        assertThat(ListenerAddress.configured("127.0.0.1", 1611).covers(ListenerAddress.of("127.0.0.2:1611", "0.0.0.0"))).isFalse();
    }

    @Test
    void routeIdsKeepThePlainNameForTheConfiguredListener() {
        assertThat(ListenerAddress.configured("0.0.0.0", 1611).routeId(true)).isEqualTo("iso-ill-listener");
        assertThat(ListenerAddress.of("0.0.0.0:1612", "0.0.0.0").routeId(false)).isEqualTo("iso-ill-listener-1612");
        assertThat(ListenerAddress.of("127.0.0.1:1612", "0.0.0.0").routeId(false)).isEqualTo("iso-ill-listener-127.0.0.1-1612");
    }

    @Test
    void aListenerThatIsNotHostAndPortIsRefusedWithTheExample() {
        assertThatThrownBy(() -> ListenerAddress.of("ill.example.org", "0.0.0.0"))
                .hasMessage("listener 'ill.example.org' is not host:port (for example 0.0.0.0:1611)");
        assertThatThrownBy(() -> ListenerAddress.of("ill.example.org:70000", "0.0.0.0"))
                .hasMessage("listener 'ill.example.org:70000': the port must be from 1 to 65535");
    }
}
