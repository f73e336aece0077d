package org.illbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.illbridge.profile.Interaction;
import org.illbridge.profile.SiteProfile;
import org.illbridge.profile.UnknownRequesterPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileRegistryTest {

    @TempDir
    Path dir;

    @Test
    void readsTheProfilesAsAnOperatorWritesThem() throws Exception {
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, """
                illbridge:
                  listen:
                    port: 1611
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-11-01T09:30:00
                      listeners: ["ill.example.org:1611"]
                      ill-fee-management: true
                      unknown-requesters: refuse
                      known-requesters: [ZBW]
                      peers:
                        - symbol: OCLC
                          address: "127.0.0.1:499"
                          charset: ISO-8859-1
                          interaction: same-connection
                """);

        SiteProfile site = new ProfileRegistry(file).reload().site("OCL").orElseThrow();

        assertThat(site.profileInstalled()).isEqualTo(LocalDateTime.of(2026, 11, 1, 9, 30));
        assertThat(site.illFeeManagement()).isTrue();
        assertThat(site.directRequest()).isFalse();
        assertThat(site.unknownRequesters()).isEqualTo(UnknownRequesterPolicy.REFUSE);
        assertThat(site.knowsRequester("ZBW")).isTrue();
        assertThat(site.knowsRequester("OCLC")).isTrue();
        assertThat(site.knowsRequester("XYZ")).isFalse();
        assertThat(site.peer("OCLC")).hasValueSatisfying(peer -> {
            assertThat(peer.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(peer.interaction()).isEqualTo(Interaction.SAME_CONNECTION);
            assertThat(peer.host()).isEqualTo("127.0.0.1");
        });
        assertThat(site.predatesProfile(LocalDateTime.of(2026, 11, 1, 9, 29))).isTrue();
        assertThat(site.predatesProfile(LocalDateTime.of(2026, 11, 1, 9, 30))).isFalse();
    }

    @Test
    void aPeerAddressWithoutAPortIsRefusedWithASentenceAndTheProfilesInForceStay() throws Exception {
        Path file = dir.resolve("profiles.yaml");
        Files.writeString(file, PROFILE_WITH_PEER.formatted("ill.oclc.example.org:499", "same-connection"));
        ProfileRegistry registry = new ProfileRegistry(file);
        registry.reload();
        Files.writeString(file, PROFILE_WITH_PEER.formatted("ill.oclc.example.org", "same-connection"));

        assertThatThrownBy(registry::reload).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("illbridge.profiles[0].peers[0]")
                .hasMessageContaining("peer OCLC: address 'ill.oclc.example.org' is not host:port");
        assertThat(registry.current().sites()).extracting(SiteProfile::symbol).containsExactly("OCL");
    }

    @Test
    void aValueThatIsNotOneOfTheChoicesNamesTheChoices() throws Exception {
        Path file = dir.resolve("profiles.yaml");
        Files.writeString(file, PROFILE_WITH_PEER.formatted("ill.oclc.example.org:499", "carrier-pigeon"));

        assertThatThrownBy(new ProfileRegistry(file)::reload)
                .hasMessageContaining("illbridge.profiles[0].peers[0].interaction")
                .hasMessageContaining("'carrier-pigeon' is not one of same-connection, separate-connection");
    }

    @Test
    void aProfileWithoutASymbolIsRefusedWithASentence() throws Exception {
        Path file = dir.resolve("profiles.yaml");
        Files.writeString(file, """
                illbridge:
                  profiles:
                    - profile-installed: 2026-11-01T09:30:00
                """);

        assertThatThrownBy(new ProfileRegistry(file)::reload).hasMessageContaining("every profile needs a symbol");
    }

    private static final String PROFILE_WITH_PEER = """
            illbridge:
              profiles:
                - symbol: OCL
                  profile-installed: 2026-11-01T09:30:00
                  peers:
                    - symbol: OCLC
                      address: "%s"
                      interaction: %s
            """;

    @Test
    void servesNoSymbolWhenTheFileIsMissing() {
        assertThat(new ProfileRegistry(dir.resolve("absent.yaml")).reload().sites()).isEmpty();
    }
}
