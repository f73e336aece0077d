package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.support.ReportCatcher;
import org.illbridge.support.ServiceProcess;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances of the real jar drain one outbox on one PostgreSQL, towards a peer that holds each
 * connection for its whole reply timeout (a Direct Request peer that never answers). Their claims
 * run out while they are still busy — each would once have sent what the other had taken — yet
 * every outbox row reaches the peer exactly once.
 */
class TwoInstancesSlowPeerIT {

    private static final int ROWS = 10;

    @Test
    void everyOutboxRowIsDeliveredExactlyOnce() throws Exception {
        String database = TestDatabases.newPostgresUrl();
        TestDatabases.migrated(database);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, TestDatabases.postgresUser(), ""));
        try (ReportCatcher slowPeer = new ReportCatcher();
             ServiceProcess first = instance(database, slowPeer, "a").start();
             ServiceProcess second = instance(database, slowPeer, "b").start()) {
            IllCodec codec = new IllCodec();
            for (int n = 0; n < ROWS; n++) {
                String message = ApduJson.utf8().toText(codec.decode(Variants.withQualifier(YazVectors.read("30-message"), "M-" + n)));
                jdbc.update("INSERT INTO outbox (site_symbol, peer_symbol, apdu_json) VALUES ('OCL', 'SLOW', ?)", message);
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'sent'", Integer.class) == ROWS);
            Thread.sleep(3_000); // anything sent twice would have arrived by now

            List<String> arrived = new ArrayList<>();
            while (slowPeer.waiting() > 0) {
                arrived.add(new IllCodec().decode(slowPeer.next(100)).text(StandardCharsets.UTF_8,
                        "transaction-id", "transaction-qualifier").orElseThrow());
            }
            assertThat(arrived).hasSize(ROWS).doesNotHaveDuplicates();
            assertThat(jdbc.queryForList("SELECT attempts FROM outbox", Integer.class)).containsOnly(1);
        }
    }

    private static ServiceProcess instance(String database, ReportCatcher peer, String name) {
        return ServiceProcess.in(Path.of("target", "it", "instance-" + name + "-" + UUID.randomUUID()), database, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      peers:
                        - symbol: SLOW
                          address: "127.0.0.1:%d"
                          interaction: same-connection
                """.formatted(peer.port()),
                "--illbridge.outbound.claim-lease=4s", "--illbridge.outbound.reply-timeout=2s",
                "--illbridge.outbound.connect-timeout=1s", "--illbridge.outbound.drain-interval=500ms");
    }
}
