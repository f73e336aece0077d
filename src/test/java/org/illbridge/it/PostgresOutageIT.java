package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProcess;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped and started under the real jar: frames that arrive while it is away go to
 * the spool at once and into the inbox when it is back; the REST API says 503 within seconds; and
 * a SIGKILL during the outage loses nothing that was in the spool.
 */
class PostgresOutageIT {

    private final Path data = Path.of("target", "it", "pg-" + UUID.randomUUID()).toAbsolutePath();
    private final int port = FreePort.find();

    @Test
    void framesDuringAnOutageAreSpooledAndAppliedOnceItIsOverEvenAcrossAKill() throws Exception {
        EmbeddedPostgres postgres = startPostgres();
        Path home = Path.of("target", "it", "outage-" + UUID.randomUUID());
        try (ServiceProcess service = ServiceProcess.in(home, postgres.getJdbcUrl("postgres", "postgres"),
                KillUnderLoadContract.PROFILES, "--illbridge.inbox.spool-retry-interval=1s", "--illbridge.inbox.write-timeout=1s",
                "--illbridge.inbox.recover-after=2s", "--illbridge.inbox.recovery-interval=1s").start()) {
            InboxApi api = service.api();
            send(service, "UP", 10);
            awaitApplied(api, 10);

            postgres.close();
            send(service, "AWAY", 10);
            await().atMost(Duration.ofSeconds(30)).until(() -> spooled(home) == 10);
            long asked = System.nanoTime();
            HttpResponse<String> unavailable = api.text("/api/inbox");
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(api.parse(unavailable.body()).get("detail").asString()).contains("database cannot be reached");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(6));
            postgres = startPostgres();
            awaitApplied(api, 20);
            assertThat(spooled(home)).isZero();

            postgres.close();
            send(service, "KILLED", 20);
            await().atMost(Duration.ofSeconds(30)).until(() -> spooled(home) == 20);
            service.kill9();
            postgres = startPostgres();
            service.start();

            awaitApplied(api, 40);
            assertThat(spooled(home)).isZero();
            Set<String> qualifiers = new HashSet<>();
            for (JsonNode request : api.json("/api/requests?limit=1000")) {
                assertThat(qualifiers.add(request.at("/transaction-id/transaction-qualifier").asString())).isTrue();
            }
            assertThat(qualifiers).hasSize(40);
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static void send(ServiceProcess service, String batch, int count) {
        try (IsoIllPeer peer = IsoIllPeer.connect(service.listenPort())) {
            for (int n = 0; n < count; n++) {
                peer.send(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), batch + "-" + n));
            }
        }
    }

    private static void awaitApplied(InboxApi api, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            List<JsonNode> inbox = KillUnderLoadContract.inbox(api);
            return inbox.size() == count && inbox.stream().allMatch(e -> e.get("status").asString().equals("applied"));
        });
    }

    private static long spooled(Path home) throws IOException {
        Path spool = home.resolve("data").resolve("inbox-spool");
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".frame")).count();
        }
    }
}
