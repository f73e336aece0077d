package org.illbridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.List;
import org.illbridge.config.ListenerInUseException;
import org.illbridge.profile.Profiles;
import org.illbridge.profile.SiteProfile;
import org.junit.jupiter.api.Test;

class ListenerRoutesTest {

    private final ListenerRoutes routes = new ListenerRoutes(ListenerAddress.configured("127.0.0.1", 1611), address -> null);

    @Test
    void eachAddressOfTheProfilesListensOnceBesideTheConfiguredOne() {
        Profiles profiles = new Profiles(List.of(site("AAA", List.of("127.0.0.1:1611", "127.0.0.1:1612"), "localhost:1613"),
                site("BBB", List.of("127.0.0.1:1612"), null)));

        assertThat(routes.wanted(profiles)).extracting(l -> l.address().name() + " " + l.routeId() + " (" + l.namedBy() + ")")
                .containsExactly("127.0.0.1:1612 iso-ill-listener-127.0.0.1-1612 (profile AAA, listeners)",
                        "localhost:1613 iso-ill-listener-localhost-1613 (profile AAA, listeners)");
    }

    @Test
    void aTakenProfiledPortStopsTheStartNamingTheAddressAndItsProfile() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            Profiles profiles = new Profiles(List.of(site("AAA", List.of(address), null)));

            assertThatThrownBy(() -> routes.checkPorts(profiles)).isInstanceOf(ListenerInUseException.class)
                    .hasMessageStartingWith("The ISO ILL listener " + address + " (profile AAA, listeners) cannot listen on "
                            + address + ": Address already in use");
        }
    }

    private static SiteProfile site(String symbol, List<String> listeners, String previous) {
        return new SiteProfile(symbol, LocalDateTime.parse("2026-01-01T00:00:00"), listeners, false, false, null, null, null,
                false, previous, previous == null ? null : LocalDateTime.parse("2027-01-01T00:00:00"));
    }
}
