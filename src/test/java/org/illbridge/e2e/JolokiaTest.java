package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.TestUsers;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A Hawtio-style console over Jolokia, with an operator's login: it lists illbridge's MBeans, stops
 * and starts the listener route, and replays a dead letter. Nobody else gets in.
 */
class JolokiaTest extends RunningService {

    private static final String LISTENER = "org.apache.camel:context=illbridge,type=routes,name=\"iso-ill-listener\"";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
        registry.add("spring.jmx.enabled", () -> "true"); // a Spring Boot test turns it off; the service has it on
    }

    @Test
    void onlyOperatorsGetIn() {
        assertThat(InboxApi.as(httpPort, null).text("/jolokia/version").statusCode()).isEqualTo(401);
        assertThat(InboxApi.as(httpPort, TestUsers.STAFF).text("/jolokia/version").statusCode()).isEqualTo(403);
        assertThat(InboxApi.as(httpPort, TestUsers.VIEWER).text("/jolokia/version").statusCode()).isEqualTo(403);
        assertThat(InboxApi.as(httpPort, TestUsers.OPERATOR).text("/jolokia/version").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorListsTheMBeansStopsAndStartsARouteAndReplaysADeadLetter() {
        InboxApi console = InboxApi.as(httpPort, TestUsers.OPERATOR);

        assertThat(jolokia(console, "{\"type\": \"search\", \"mbean\": \"org.illbridge:*\"}").get("value")
                .valueStream().map(JsonNode::asString).toList())
                .contains("org.illbridge:type=DeadLetters", "org.illbridge:type=Inbox", "org.illbridge:type=Outbox",
                        "org.illbridge:type=Profiles", "org.illbridge:type=Routes");

        jolokia(console, exec(LISTENER, "stop()"));
        assertThat(jolokia(console, read(LISTENER, "State")).get("value").asString()).isEqualTo("Stopped");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.text("/actuator/health/readiness").statusCode() == 503);
        jolokia(console, exec(LISTENER, "start()"));
        assertThat(jolokia(console, read(LISTENER, "State")).get("value").asString()).isEqualTo("Started");

        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(Variants.withSymbol(YazVectors.read("30-message"), "responder-id", "XXX"));
            peer.readApdu(10_000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/dead-letters").size() == 1);
        long id = api.json("/api/dead-letters").get(0).get("id").asLong();
        String replayed = jolokia(console, "{\"type\": \"exec\", \"mbean\": \"org.illbridge:type=DeadLetters\","
                + " \"operation\": \"replay\", \"arguments\": [" + id + "]}").get("value").asString();

        assertThat(replayed).startsWith("outcome: refused; new dead letter ").contains("does not serve");
    }

    private static JsonNode jolokia(InboxApi console, String request) {
        JsonNode answer = console.parse(console.send("POST", "/jolokia", request).body());
        assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(200);
        return answer;
    }

    private static String exec(String mbean, String operation) {
        return "{\"type\": \"exec\", \"mbean\": " + quoted(mbean) + ", \"operation\": \"" + operation + "\"}";
    }

    private static String read(String mbean, String attribute) {
        return "{\"type\": \"read\", \"mbean\": " + quoted(mbean) + ", \"attribute\": \"" + attribute + "\"}";
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\\\"") + '"';
    }
}
