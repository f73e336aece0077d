package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ServiceProcess;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 300 connections each start an APDU of almost 1 MB and never finish it — 300 MB held open
 * against a service with a 256 MB heap. The service keeps what its limits allow, closes the
 * rest (keeping a bounded prefix of each in the inbox), stays small, and goes on serving a peer
 * that behaves.
 */
class HostilePeersIT {

    private static final int CONNECTIONS = 300;
    private static final int ANNOUNCED = 1_000_000;

    @Test
    void unfinishedApdusCannotExhaustTheService() throws Exception {
        Path home = Path.of("target", "it", "hostile-" + UUID.randomUUID());
        try (ServiceProcess service = ServiceProcess.in(home, TestDatabases.newH2Url(Path.of("target").toAbsolutePath()),
                KillUnderLoadContract.PROFILES, "--illbridge.listen.max-connections=400",
                "--illbridge.listen.max-connections-per-source=400", "--illbridge.listen.max-unfinished-bytes=32MB").start()) {
            List<Socket> held = Collections.synchronizedList(new ArrayList<>());
            ExecutorService attackers = Executors.newFixedThreadPool(32);
            for (int c = 0; c < CONNECTIONS; c++) {
                attackers.submit(() -> holdAnUnfinishedApdu(service.listenPort(), held));
            }
            attackers.shutdown();
            assertThat(attackers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            try (IsoIllPeer peer = IsoIllPeer.connect(service.listenPort())) {
                peer.send(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), "WELL-BEHAVED"));
            }
            InboxApi api = service.api();
            await().atMost(Duration.ofSeconds(20)).until(() -> api.json("/api/requests").size() == 1);

            List<JsonNode> refused = KillUnderLoadContract.inbox(api).stream()
                    .filter(entry -> entry.get("status").asString().equals("unframed")).toList();
            assertThat(refused).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.get("size").asInt()).isLessThanOrEqualTo(64 * 1024);
                assertThat(entry.get("status-detail").asString()).contains("unfinished APDU bytes than allowed");
            });
            assertThat(residentMegabytes(service)).as("resident memory, MB").isLessThan(700);
            held.forEach(HostilePeersIT::close);
        }
    }

    private static void holdAnUnfinishedApdu(int port, List<Socket> held) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            held.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x61, (byte) 0x83, (byte) (ANNOUNCED >> 16), (byte) (ANNOUNCED >> 8), (byte) ANNOUNCED});
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent + chunk.length < ANNOUNCED; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
        } catch (IOException closedByTheService) {
            // refused: the service closed this connection
        }
    }

    private static long residentMegabytes(ServiceProcess service) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for the service's process");
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
