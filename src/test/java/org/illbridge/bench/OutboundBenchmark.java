package org.illbridge.bench;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.illbridge.outbound.OutboundService;
import org.illbridge.protocol.NewRequest;
import org.illbridge.support.FreePort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbound rate: N new borrowing requests placed as staff place them ({@link OutboundService#place},
 * without HTTP), each an ILL-Request in the outbox, counted until the outbox drain has sent every
 * one to a local peer that only reads (PEERS peers, each its own sink). The requests are placed
 * with the drain stopped, which is then started and timed until the last is sent; beside it, the
 * rate the staff actions themselves are accepted at. Three rounds after a warm-up; H2.
 * Run by tools/bench/outbound; not a test.
 */
public final class OutboundBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int apdus = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String database = args.length > 2 ? args[2] : "h2";
        Path work = Files.createTempDirectory(Path.of("target"), "outbound-");
        BenchDatabase db = BenchDatabase.start(database, work);
        List<ServerSocket> sinks = new ArrayList<>();
        AtomicLong bytesRead = new AtomicLong();
        StringBuilder peerYaml = new StringBuilder();
        for (int p = 0; p < peers; p++) {
            ServerSocket sink = new ServerSocket(0);
            sinks.add(sink);
            accept(sink, bytesRead);
            peerYaml.append("        - {symbol: P").append(p).append(", address: \"127.0.0.1:").append(sink.getLocalPort())
                    .append("\", interaction: separate-connection}\n");
        }
        Path profiles = work.resolve("profiles.yaml");
        Files.writeString(profiles, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      peers:
                """ + peerYaml);
        ConfigurableApplicationContext service = db.startService(work, profiles, FreePort.find(),
                "--illbridge.outbound.drain-interval=100ms");
        try {
            OutboundService outbound = service.getBean(OutboundService.class);
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            CamelContext camel = service.getBean(CamelContext.class);
            round(outbound, jdbc, camel, 1000, peers, "W");
            List<Double> accepted = new ArrayList<>();
            List<Double> sent = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                double[] rates = round(outbound, jdbc, camel, apdus, peers, "R" + r);
                accepted.add(rates[0]);
                sent.add(rates[1]);
            }
            System.out.printf("database %s%napdus %d%npeers %d%nactions_accepted_per_second %s%noutbound_sent_per_second %s%n",
                    database, apdus, peers, BenchDatabase.summary(accepted), BenchDatabase.summary(sent));
        } finally {
            service.close();
            db.close();
            for (ServerSocket sink : sinks) {
                sink.close();
            }
        }
    }

    /**
     * Places the requests with the drain stopped, then starts it and waits until all are sent:
     * {actions accepted/s, APDUs sent/s from the drain's start}.
     */
    private static double[] round(OutboundService outbound, JdbcTemplate jdbc, CamelContext camel, int apdus, int peers,
                                  String prefix) throws Exception {
        jdbc.update("DELETE FROM outbox");
        camel.getRouteController().stopRoute("outbox-drain");
        long placing = System.nanoTime();
        for (int i = 0; i < apdus; i++) {
            outbound.place(new NewRequest("OCL", "P" + (i % peers), prefix + "-" + i, "loan", "A benchmark request", "Author",
                    "OCLC WorldCat", null, "20270101", null, null, null, null), "bench");
        }
        double accepted = apdus / ((System.nanoTime() - placing) / 1e9);
        long start = System.nanoTime();
        camel.getRouteController().startRoute("outbox-drain");
        while (true) {
            Long sent = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'sent'", Long.class);
            if (sent != null && sent >= apdus) {
                break;
            }
            Thread.sleep(5);
        }
        return new double[] {accepted, apdus / ((System.nanoTime() - start) / 1e9)};
    }

    private static void accept(ServerSocket sink, AtomicLong bytesRead) {
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket connection = sink.accept();
                    Thread reader = new Thread(() -> {
                        try (connection; InputStream in = connection.getInputStream()) {
                            byte[] buffer = new byte[65536];
                            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                bytesRead.addAndGet(n);
                            }
                        } catch (Exception closed) {
                            // the sender closed
                        }
                    });
                    reader.setDaemon(true);
                    reader.start();
                }
            } catch (Exception closed) {
                // the sink is closed when the benchmark is done
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
