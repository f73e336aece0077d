package org.illbridge.bench;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.illbridge.IllbridgeApplication;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end ingest rate: distinct ILL-Requests sent over several connections, counted once
 * every one is applied to the message file (inbox, decode, identify, protocol machine, one
 * database transaction each) — beside the rate a bare TCP sink takes the same bytes at, measured
 * in the same run. Run by tools/bench/run; not a test.
 */
public final class IngestBenchmark {

    private static final int CONNECTIONS = 4;

    public static void main(String[] args) throws Exception {
        int apdus = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < apdus; i++) {
            requests.add(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), "B-" + i));
        }
        double sink = sinkRate(requests);
        Path work = Files.createTempDirectory(Path.of("target"), "ingest-");
        Path profiles = work.resolve("profiles.yaml");
        Files.writeString(profiles, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      known-requesters: [ZBW]
                """);
        int port = FreePort.find();
        ConfigurableApplicationContext service = new SpringApplication(IllbridgeApplication.class).run(
                "--server.port=0", "--illbridge.listen.host=127.0.0.1", "--illbridge.listen.port=" + port,
                "--illbridge.profiles-file=" + profiles, "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db").toAbsolutePath(),
                "--illbridge.inbox.spool-directory=" + work.resolve("spool"), "--logging.level.root=WARN",
                "--logging.level.inbound-apdu=WARN", "--spring.main.banner-mode=off");
        try {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            send(requests.subList(0, Math.min(200, apdus)), port); // warm-up
            waitApplied(jdbc, Math.min(200, apdus));
            jdbc.update("DELETE FROM apdu_history");
            jdbc.update("DELETE FROM ill_transaction");
            jdbc.update("DELETE FROM processed_apdu");
            jdbc.update("DELETE FROM inbox");
            long start = System.nanoTime();
            send(requests, port);
            waitApplied(jdbc, apdus);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("apdus %d%nconnections %d%ningest_apdus_per_second %.0f%nsink_apdus_per_second %.0f%n",
                    apdus, CONNECTIONS, apdus / seconds, sink);
        } finally {
            service.close();
        }
    }

    private static void send(List<byte[]> apdus, int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int first = c;
            senders.add(pool.submit(() -> {
                try (IsoIllPeer peer = IsoIllPeer.connect(port)) {
                    for (int i = first; i < apdus.size(); i += CONNECTIONS) {
                        peer.send(apdus.get(i));
                    }
                }
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        pool.shutdown();
    }

    private static void waitApplied(JdbcTemplate jdbc, int expected) throws InterruptedException {
        while (true) {
            Long applied = jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = 'applied'", Long.class);
            Long other = jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status NOT IN ('applied', 'received')", Long.class);
            if (other != null && other > 0) {
                throw new IllegalStateException(other + " APDUs were not applied: the benchmark's input is wrong");
            }
            if (applied != null && applied >= expected) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** The baseline: the same bytes, same connections, into a socket that only reads. */
    private static double sinkRate(List<byte[]> apdus) throws Exception {
        try (ServerSocket sink = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket connection = sink.accept();
                        new Thread(() -> drain(connection)).start();
                    }
                } catch (Exception closed) {
                    // the sink is closed when the measurement is done
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            send(apdus, sink.getLocalPort());
            return apdus.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void drain(Socket connection) {
        try (connection; InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[65536];
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (Exception ignored) {
            // the sender closed
        }
    }
}
