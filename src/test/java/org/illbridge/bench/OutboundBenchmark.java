package org.illbridge.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.illbridge.outbound.OutboundService;
import org.illbridge.protocol.NewRequest;
import org.illbridge.support.FreePort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbound rate: N new borrowing requests placed as staff place them ({@link OutboundService#place},
 * without HTTP), each an ILL-Request in the outbox, counted until the outbox drain has sent every
 * one to a local peer that only reads (PEERS peers, each its own {@link PeerSink}). The requests are
 * placed with the drain stopped, which is then started and timed from its first send until the last
 * is sent; beside it, the rate the staff actions themselves are accepted at. Three rounds after a
 * warm-up; H2 or PostgreSQL.
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
        List<PeerSink> sinks = new ArrayList<>();
        StringBuilder peerYaml = new StringBuilder();
        for (int p = 0; p < peers; p++) {
            PeerSink sink = new PeerSink();
            sinks.add(sink);
            peerYaml.append("        - {symbol: P").append(p).append(", address: \"127.0.0.1:").append(sink.port())
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
            // the outbox's own timer: from the send's start until its record is queued (connect, write, close,
            // and the wait for the record before it)
            double sendMs = 0;
            long sends = 0;
            for (Timer peer : service.getBean(MeterRegistry.class).find("illbridge.outbox.send").timers()) {
                sendMs += peer.totalTime(TimeUnit.MILLISECONDS);
                sends += peer.count();
            }
            long bytes = sinks.stream().mapToLong(PeerSink::bytesRead).sum();
            System.out.printf("send_ms_mean %.2f%npeer_bytes_per_apdu %d%n", sendMs / sends, bytes / sends);
        } finally {
            service.close();
            db.close();
            for (PeerSink sink : sinks) {
                sink.close();
            }
        }
    }

    /**
     * Places the requests with the drain stopped, then starts it and waits until all are sent:
     * {actions accepted/s, APDUs sent/s from the drain's first send}.
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
        // timed from the first send, not from the start of the route: its first poll waits a second
        camel.getRouteController().startRoute("outbox-drain");
        long start = 0;
        long sentAtStart = 0;
        while (true) {
            Long sent = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'sent'", Long.class);
            if (start == 0 && sent != null && sent > 0) {
                start = System.nanoTime();
                sentAtStart = sent;
            }
            if (sent != null && sent >= apdus) {
                break;
            }
            Thread.sleep(5);
        }
        return new double[] {accepted, (apdus - sentAtStart) / ((System.nanoTime() - start) / 1e9)};
    }
}
