package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An operator's dashboard: /actuator/prometheus after real traffic shows what happened, counted
 * right; health says where frames go, and readiness follows the listener.
 */
class MetricsTest extends RunningService {

    @Autowired
    CamelContext camel;

    private static final Path PROFILES = Path.of("target", "metrics-" + UUID.randomUUID() + ".yaml");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Files.writeString(PROFILES, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      unknown-requesters: accept
                """);
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
        registry.add("illbridge.profiles-file", PROFILES::toString);
        registry.add("illbridge.metrics.refresh-interval", () -> "500ms");
    }

    @Test
    void theMetersCountWhatArrivedAndWhatBecameOfIt() {
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), "MET-1"));
            peer.send(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), "MET-2"));
            peer.send(Variants.withSymbol(YazVectors.read("30-message"), "responder-id", "XXX"));
            peer.readApdu(10_000); // the error report for the Message to XXX
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().contains("illbridge_dead_letters_open{reason=\"unknown-symbol\"} 1.0"));
        String metrics = scrape();
        assertThat(metrics)
                .contains("illbridge_apdus_received_total{outcome=\"applied\",peer=\"ZBW\",reason=\"none\",type=\"ILL-Request\"} 2.0")
                .contains("illbridge_apdus_received_total{outcome=\"refused\",peer=\"unknown\",reason=\"unknown-symbol\",type=\"Message\"} 1.0")
                .contains("illbridge_apdu_processing_seconds_count{outcome=\"applied\"} 2")
                .contains("illbridge_outbox_pending 0.0")
                .contains("illbridge_inbox_spool_frames 0.0")
                .contains("illbridge_listener_connections{listener=\"127.0.0.1:" + listenPort + "\"}")
                .containsPattern("camel_route_exchanges_total\\{route=\"inbound-apdu\"} 3\\.0")
                .contains("camel_route_failures_total{route=\"inbound-apdu\"} 0.0")
                .contains("camel_route_processing_time_seconds_total{route=\"iso-ill-listener\"}");
    }

    @Test
    void healthSaysWhereFramesGoAndReadinessFollowsTheListener() throws Exception {
        // ready once every route's consumer has started (the timers' first polls)
        await().atMost(Duration.ofSeconds(20)).until(() -> api.text("/actuator/health/readiness").statusCode() == 200);
        JsonNode health = api.json("/actuator/health");
        assertThat(health.at("/components/intake/details/frames-go-to").asString()).isEqualTo("the inbox");
        assertThat(health.at("/components/outbox/status").asString()).isEqualTo("UP");
        assertThat(api.text("/actuator/health/liveness").statusCode()).isEqualTo(200);

        camel.getRouteController().stopRoute("iso-ill-listener");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> api.text("/actuator/health/readiness").statusCode() == 503);
            assertThat(api.text("/actuator/health/liveness").statusCode()).as("alive all the same").isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute("iso-ill-listener");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.text("/actuator/health/readiness").statusCode() == 200);
    }

    private String scrape() {
        return api.text("/actuator/prometheus").body();
    }
}
