package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An operator changes the routing policy by editing the YAML route while the service runs: here,
 * to stop quarantining requests from unknown borrowers. No rebuild, no restart.
 */
class RouteEditTest extends RunningService {

    private static final Path DIRECTORY = Path.of("target", "routes-" + UUID.randomUUID());
    private static final Path ROUTE = copyOfTheShippedRoute();
    private static final Path PROFILES = DIRECTORY.resolve("profiles.yaml");
    private static final String DATABASE = TestDatabases.newH2Url();
    private static final int LISTEN_PORT = FreePort.find();

    private final AtomicInteger next = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.writeString(PROFILES, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      unknown-requesters: queue
                """);
        ServiceProperties.register(registry, DATABASE, LISTEN_PORT);
        registry.add("illbridge.profiles-file", PROFILES::toString);
        registry.add("camel.main.routes-include-pattern", () -> "file:" + DIRECTORY + "/*.camel.yaml");
        registry.add("illbridge.routes.directory", DIRECTORY::toString);
        registry.add("illbridge.routes.pattern", () -> "*.camel.yaml");
    }

    @Test
    void anEditedRouteTakesEffectWithoutARestart() throws Exception {
        assertThat(queueOfANewRequestFromAnUnknownBorrower()).isEqualTo("Unknown Requester");

        Files.writeString(ROUTE, Files.readString(ROUTE).replace("uri: direct:unknown-requester", "uri: direct:apply-apdu"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> queueOfANewRequestFromAnUnknownBorrower().equals("Pending"));
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    @Test
    void aBrokenEditIsRefusedAndTheRunningRoutesStay() throws Exception {
        String working = Files.readString(ROUTE);
        String expectedQueue = queueOfANewRequestFromAnUnknownBorrower();
        try {
            Files.writeString(ROUTE, working.replace("uri: direct:apply-apdu", "uri: direct:nowhere"));
            JsonNode refused = awaitRouteFile(file -> file.get("last-result").asString().startsWith("refused"));
            assertThat(refused.get("last-result").asString()).matches("refused: .*inbound-apdu\\.camel\\.yaml:\\d+: no route takes"
                    + " messages from 'direct:nowhere'");
            assertThat(refused.get("checksum-on-disk").asString()).isNotEqualTo(refused.get("checksum-running").asString());
            assertThat(health().at("/components/routes/status").asString()).isEqualTo("DOWN");
            assertThat(queueOfANewRequestFromAnUnknownBorrower()).as("the running route still works").isEqualTo(expectedQueue);

            Files.writeString(ROUTE, working.replace("steps:\n", "steps: [\n"));
            assertThat(awaitRouteFile(file -> file.get("last-result").asString().contains("line")).get("last-result").asString())
                    .startsWith("refused: ");
        } finally {
            Files.writeString(ROUTE, working);
        }
        awaitRouteFile(file -> file.get("checksum-on-disk").asString().equals(file.get("checksum-running").asString()));
        assertThat(health().at("/components/routes/status").asString()).isEqualTo("UP");
    }

    private JsonNode health() {
        return api.parse(api.text("/actuator/health").body());
    }

    private JsonNode awaitRouteFile(Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> condition.test(api.json("/api/routes").get(0)));
        return api.json("/api/routes").get(0);
    }

    /** Sends an ILL-Request from UNK, a borrower OCL does not know, and returns the queue it lands in. */
    private String queueOfANewRequestFromAnUnknownBorrower() {
        String qualifier = "E-" + next.incrementAndGet();
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(Variants.withSymbol(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), qualifier),
                    "requester-id", "UNK"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> find(qualifier) != null);
        return find(qualifier).get("queue").asString();
    }

    private JsonNode find(String qualifier) {
        for (JsonNode request : api.json("/api/requests")) {
            if (request.at("/transaction-id/transaction-qualifier").asString().equals(qualifier)) {
                return request;
            }
        }
        return null;
    }

    private static Path copyOfTheShippedRoute() {
        try {
            Files.createDirectories(DIRECTORY);
            Path copy = DIRECTORY.resolve("inbound-apdu.camel.yaml");
            Files.copy(Path.of("routes", "inbound-apdu.camel.yaml"), copy);
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
