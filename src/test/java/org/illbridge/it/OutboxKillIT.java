package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.NewRequests;
import org.illbridge.support.ReportCatcher;
import org.illbridge.support.ServiceProcess;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The real jar, killed with SIGKILL while its outbox drain sends a backlog of staff's new requests
 * to a peer at full speed, then started again: every request placed reaches the peer, and at most
 * two reach it twice — the APDUs sent whose records were not yet committed (docs/operations.md,
 * "Guarantees"); after the restart nothing is left unsent.
 */
class OutboxKillIT {

    private static final int REQUESTS = 300;

    private final IllCodec codec = new IllCodec();

    @Test
    void aKillWhileSendingLosesNothingAndSendsAtMostTwoAgain() throws Exception {
        try (ReportCatcher peer = new ReportCatcher()) {
            Path home = Path.of("target", "it", "outbox-kill-" + UUID.randomUUID());
            int jmxPort = FreePort.find();
            // a short claim, so that what the killed instance had claimed is sent again soon after the restart
            try (ServiceProcess service = ServiceProcess.in(home, TestDatabases.newH2Url(Path.of("target").toAbsolutePath()),
                    profiles(peer.port()), "--illbridge.outbound.claim-lease=2s", "--illbridge.outbound.connect-timeout=1s",
                    "--illbridge.outbound.drain-interval=100ms")
                    .withJvmOptions("-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port="
                            + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                            "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false")
                    .start()) {
                InboxApi api = service.api();
                // a backlog, placed while the drain is stopped (as an operator stops it over JMX), then sent at full speed
                drain(jmxPort, "stop");
                Set<String> placed = ConcurrentHashMap.newKeySet();
                ExecutorService staff = Executors.newFixedThreadPool(3);
                for (int s = 0; s < 3; s++) {
                    int desk = s;
                    staff.submit(() -> place(api, "D" + desk, REQUESTS / 3, placed));
                }
                staff.shutdown();
                assertThat(staff.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
                assertThat(placed).hasSize(REQUESTS);
                drain(jmxPort, "start");
                Map<String, Integer> received = new HashMap<>();
                while (received.size() < REQUESTS / 3) {
                    count(peer.next(30_000), received);
                }
                service.kill9();
                Thread.sleep(500);
                countArrived(peer, received);
                int beforeTheKill = received.size();

                service.start();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    countArrived(peer, received);
                    return received.keySet().containsAll(placed) && api.json("/api/outbox?status=pending").isEmpty()
                            && api.json("/api/outbox?status=sending").isEmpty();
                });
                Thread.sleep(1000); // anything still on its way
                countArrived(peer, received);
                List<String> twice = new ArrayList<>();
                received.forEach((qualifier, times) -> {
                    if (times > 1) {
                        twice.add(qualifier + " x" + times);
                    }
                });
                assertThat(beforeTheKill).as("requests the peer had when the service was killed (mid-stream)").isLessThan(REQUESTS);
                assertThat(received.keySet()).as("every request placed reached the peer").containsAll(placed);
                assertThat(twice).as("requests the peer got more than once").hasSizeLessThanOrEqualTo(2);
                assertThat(Collections.max(received.values())).isLessThanOrEqualTo(2);
                System.out.printf("OutboxKillIT: %d placed, %d at the peer when killed, %d sent twice %s%n", REQUESTS,
                        beforeTheKill, twice.size(), twice);
            }
        }
    }

    /** {@code count} new requests, one after another; the qualifiers of those answered 201. */
    private static void place(InboxApi api, String desk, int count, Set<String> placed) {
        for (int n = 0; n < count; n++) {
            String qualifier = desk + "-" + n;
            if (api.post("/api/requests", NewRequests.complete(qualifier)).statusCode() == 201) {
                placed.add(qualifier);
            }
        }
    }

    /** Stops or starts the outbox drain route over JMX, as an operator's console does. */
    private static void drain(int jmxPort, String operation) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            connector.getMBeanServerConnection().invoke(new ObjectName("org.apache.camel:context=illbridge,type=routes,name=\"outbox-drain\""),
                    operation, new Object[0], new String[0]);
        }
    }

    /** Counts every APDU that has arrived at the peer and not been counted yet. */
    private void countArrived(ReportCatcher peer, Map<String, Integer> received) throws Exception {
        while (peer.waiting() > 0) {
            count(peer.next(1000), received);
        }
    }

    private void count(byte[] apdu, Map<String, Integer> received) throws Exception {
        String qualifier = ApduJson.utf8().toJson(codec.decode(apdu)).at("/ILL-Request/transaction-id/transaction-qualifier").asString();
        received.merge(qualifier, 1, Integer::sum);
    }

    private static String profiles(int peerPort) {
        return """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      peers:
                        - symbol: OCLC
                          address: "127.0.0.1:%d"
                          interaction: separate-connection
                          oclc-rules: true
                """.formatted(peerPort);
    }
}
