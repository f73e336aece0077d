package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProcess;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real jar, killed with SIGKILL while four connections stream distinct ILL-Requests at it,
 * then started again on the same database: every inbox entry the API showed before the kill is
 * there with the same bytes, every request is applied once, ids are not handed out again, and
 * what was stored but not processed is processed by inbox recovery.
 */
abstract class KillUnderLoadContract {

    static final String PROFILES = """
            illbridge:
              profiles:
                - symbol: OCL
                  profile-installed: 2026-01-01T00:00:00
                  unknown-requesters: accept
            """;

    abstract String newDatabaseUrl();

    @Test
    void whatTheApiShowedBeforeAKillIsThereAfterItAndAppliedOnce() throws Exception {
        Path home = Path.of("target", "it", "kill-" + UUID.randomUUID());
        try (ServiceProcess service = ServiceProcess.in(home, newDatabaseUrl(), PROFILES,
                "--illbridge.inbox.recover-after=2s", "--illbridge.inbox.recovery-interval=1s").start()) {
            InboxApi api = service.api();
            AtomicBoolean sending = new AtomicBoolean(true);
            ExecutorService peers = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                int connection = c;
                peers.submit(() -> stream(service.listenPort(), connection, sending));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(api).size() >= 200);
            Map<Long, byte[]> shown = new HashMap<>();
            for (JsonNode entry : inbox(api)) {
                shown.put(entry.get("id").asLong(), api.bytes("/api/inbox/" + entry.get("id").asLong() + "/raw").body());
            }
            // the last thing the API shows, the moment before the kill, while the peers still send
            Set<Long> lastShown = new HashSet<>();
            inbox(api).forEach(entry -> lastShown.add(entry.get("id").asLong()));

            service.kill9();
            sending.set(false);
            peers.shutdownNow();
            service.start();

            Map<Long, JsonNode> after = new HashMap<>();
            inbox(api).forEach(entry -> after.put(entry.get("id").asLong(), entry));
            assertThat(after.keySet()).as("inbox entries shown before the kill").containsAll(shown.keySet()).containsAll(lastShown);
            shown.forEach((id, bytes) -> assertThat(api.bytes("/api/inbox/" + id + "/raw").body())
                    .as("bytes of inbox entry %d", id).isEqualTo(bytes));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    inbox(api).stream().noneMatch(entry -> entry.get("status").asString().equals("received")));
            List<JsonNode> entries = inbox(api);
            assertThat(entries).allSatisfy(entry -> assertThat(entry.get("status").asString()).isEqualTo("applied"));
            Set<String> qualifiers = new HashSet<>();
            for (JsonNode request : requests(api)) {
                assertThat(qualifiers.add(request.at("/transaction-id/transaction-qualifier").asString()))
                        .as("each request once").isTrue();
            }
            assertThat(qualifiers).hasSize(entries.size());

            long highest = after.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            try (IsoIllPeer peer = IsoIllPeer.connect(service.listenPort())) {
                peer.send(request("AFTER", 1));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox(api).size() == entries.size() + 1);
            assertThat(inbox(api).get(0).get("id").asLong()).as("a new id, never one handed out before").isGreaterThan(highest);
        }
    }

    /** Requests on one connection, about 200 a second, until the service is killed. */
    private static void stream(int port, int connection, AtomicBoolean sending) {
        try (IsoIllPeer peer = IsoIllPeer.connect(port)) {
            for (int n = 0; sending.get(); n++) {
                peer.send(request("K" + connection, n));
                Thread.sleep(5);
            }
        } catch (RuntimeException killed) {
            // the service was killed under us
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] request(String stream, int n) {
        return Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), stream + "-" + n);
    }

    /** Every inbox entry, newest first, page by page. */
    static List<JsonNode> inbox(InboxApi api) {
        return all(api, "/api/inbox?limit=1000", "&before=");
    }

    private static List<JsonNode> requests(InboxApi api) {
        return all(api, "/api/requests?limit=1000", "&before=");
    }

    private static List<JsonNode> all(InboxApi api, String first, String before) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode page = api.json(first);
        while (!page.isEmpty()) {
            page.forEach(all::add);
            page = api.json(first + before + all.get(all.size() - 1).get("id").asLong());
        }
        return all;
    }
}
