package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.SampleApdus;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The service on its default store, embedded H2 in a file. */
class IsoIllListenerH2Test extends IsoIllListenerContract {

    private static final String DATABASE = TestDatabases.newH2Url();
    private static final int LISTEN_PORT = FreePort.find();
    private static final Path SPOOL = Path.of("target", "spool-" + UUID.randomUUID());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, DATABASE, LISTEN_PORT);
        registry.add("illbridge.inbox.spool-directory", SPOOL::toString);
        registry.add("illbridge.inbox.spool-retry-interval", () -> "500ms");
        registry.add("spring.jmx.enabled", () -> "true");
    }

    @Test
    void exposesIllbridgesOwnMBeansForOperators() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(SampleApdus.numbered(3));
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                (Long) jmx.getAttribute(new ObjectName("org.illbridge:type=DeadLetters"), "Open") == 1L);

        assertThat(jmx.getAttribute(new ObjectName("org.illbridge:type=Inbox"), "Total")).isEqualTo(1L);
        assertThat(jmx.getAttribute(new ObjectName("org.illbridge:type=Inbox"), "Unprocessed")).isEqualTo(0L);
        assertThat(jmx.getAttribute(new ObjectName("org.illbridge:type=Routes"), "RefusedEdits")).isEqualTo(0L);
        assertThat(jmx.getAttribute(new ObjectName("org.illbridge:type=Outbox"), "Pending")).isEqualTo(0L);
        assertThat((String) jmx.invoke(new ObjectName("org.illbridge:type=Profiles"), "reload", new Object[0], new String[0]))
                .startsWith("profiles in force:");
        long deadLetter = api.json("/api/dead-letters").get(0).get("id").asLong();
        assertThat(jmx.invoke(new ObjectName("org.illbridge:type=DeadLetters"), "discard",
                new Object[] {deadLetter}, new String[] {"long"})).isEqualTo(true);
        assertThat(jmx.getAttribute(new ObjectName("org.illbridge:type=DeadLetters"), "Open")).isEqualTo(0L);
    }

    @Test
    void keepsApdusThatArriveWhileTheDatabaseIsAwayAndStoresThemWhenItIsBack() throws Exception {
        byte[] first = SampleApdus.numbered(1);
        byte[] second = SampleApdus.numbered(2);
        jdbc.execute("ALTER TABLE inbox RENAME TO inbox_away");
        try {
            try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
                peer.send(first).send(second);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> spooledFiles().size() == 2);
            assertThat(api.text("/api/inbox").statusCode()).isEqualTo(500);
        } finally {
            jdbc.execute("ALTER TABLE inbox_away RENAME TO inbox");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/inbox").size() == 2);

        JsonNode inbox = api.json("/api/inbox");
        assertThat(api.bytes("/api/inbox/" + inbox.get(1).get("id").asLong() + "/raw").body()).isEqualTo(first);
        assertThat(api.bytes("/api/inbox/" + inbox.get(0).get("id").asLong() + "/raw").body()).isEqualTo(second);
        assertThat(inbox.get(0).get("peer").asString()).startsWith("127.0.0.1:");
        assertThat(spooledFiles()).isEmpty();
    }

    private static List<Path> spooledFiles() throws IOException {
        if (!Files.exists(SPOOL)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.filter(p -> p.toString().endsWith(".frame")).toList();
        }
    }

    @Test
    void exposesTheListenerRouteAndItsStepsOverJmxUnderAStableName() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

        ObjectName route = new ObjectName("org.apache.camel:context=illbridge,type=routes,name=\"iso-ill-listener\"");
        ObjectName inboxStep = new ObjectName("org.apache.camel:context=illbridge,type=processors,name=\"store-in-inbox\"");

        assertThat(jmx.getAttribute(route, "State")).isEqualTo("Started");
        assertThat(jmx.getAttribute(route, "EndpointUri").toString()).startsWith("netty://tcp://127.0.0.1:" + LISTEN_PORT);
        assertThat(jmx.isRegistered(inboxStep)).isTrue();
        assertThat(jmx.isRegistered(
                new ObjectName("org.apache.camel:context=illbridge,type=routes,name=\"inbound-apdu\""))).isTrue();
    }
}
