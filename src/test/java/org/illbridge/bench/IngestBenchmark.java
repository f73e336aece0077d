package org.illbridge.bench;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.illbridge.store.InboxStatus;
import org.illbridge.support.FreePort;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end ingest rate, paired in one run on one database: distinct ILL-Requests sent over
 * CONNECTIONS connections and counted once every one is applied to the message file — by illbridge
 * applying each APDU alone (connection-batch 1: its own inbox commit and apply, as before batches
 * of a connection were kept together) and as it ships (connection-batch 64: the APDUs of a read
 * kept in one commit and applied in one transaction) — beside the naive ceiling, a plain-JDBC program doing one committed INSERT per table
 * (inbox, ill_transaction, apdu_history) per APDU on as many connections, and a bare TCP sink.
 * Each figure is measured ROUNDS times after a warm-up. PostgreSQL is an embedded server with
 * fsync and synchronous_commit on; H2 writes each commit to its file (WRITE_DELAY 0).
 * Run by tools/bench/ingest; not a test.
 */
public final class IngestBenchmark {

    private static final int ROUNDS = 3;
    /**
     * Untimed rounds before the timed ones, each as large as a timed round: after two, the service
     * still got faster round by round for seven more (1,784 to 3,032 APDUs/s on PostgreSQL with four
     * connections): a JVM still warming up, its compiler sharing the two cores with the rounds.
     */
    private static final int WARM_UP_ROUNDS = 6;

    public static void main(String[] args) throws Exception {
        int apdus = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String database = args.length > 1 ? args[1] : "h2";
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path work = Files.createTempDirectory(Path.of("target"), "ingest-");
        System.out.printf("database %s%napdus %d%nconnections %d%n", database, apdus, connections);
        try (BenchDatabase db = BenchDatabase.start(database, work)) {
            System.out.printf("sink_apdus_per_second %s%n", rates(() -> sinkRate(requests(apdus, "S"), connections)));
            measureService(db, work, "alone", 1, apdus, connections);
            measureService(db, work, "batched", 64, apdus, connections);
        }
    }

    /** @param batch {@code illbridge.inbox.connection-batch}: 1 applies each APDU in a transaction of its own */
    private static void measureService(BenchDatabase db, Path work, String name, int batch, int apdus, int connections)
            throws Exception {
        Path profiles = work.resolve("profiles.yaml");
        Files.writeString(profiles, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      known-requesters: [ZBW]
                """);
        int port = FreePort.find();
        ConfigurableApplicationContext service = db.startService(work, profiles, port,
                "--illbridge.inbox.connection-batch=" + batch);
        try {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            DataSource dataSource = service.getBean(DataSource.class);
            if (batch == 1) {
                int[] round = {0};
                for (int w = 0; w < WARM_UP_ROUNDS; w++) {
                    plainJdbcRate(dataSource, apdus, connections, "W" + w);
                    empty(jdbc);
                }
                System.out.printf("plain_jdbc_apdus_per_second %s%n", rates(() -> {
                    double rate = plainJdbcRate(dataSource, apdus, connections, "J" + round[0]++);
                    empty(jdbc);
                    return rate;
                }));
            }
            Applied applied = new Applied(service.getBean(MeterRegistry.class), jdbc);
            for (int w = 0; w < WARM_UP_ROUNDS; w++) {
                List<byte[]> warmUp = requests(apdus, "W" + batch + "-" + w);
                applied.after(() -> send(warmUp, port, connections), apdus);
                empty(jdbc);
            }
            int[] round = {0};
            System.out.printf("illbridge_%s_apdus_per_second %s%n", name, rates(() -> {
                List<byte[]> requests = requests(apdus, "B" + batch + "-" + round[0]++);
                long start = System.nanoTime();
                applied.after(() -> send(requests, port, connections), apdus);
                double rate = apdus / ((System.nanoTime() - start) / 1e9);
                applied.checkInbox(apdus);
                empty(jdbc);
                return rate;
            }));
            if (db.isH2()) {
                countStatements(jdbc, applied, name, port, connections);
            }
        } finally {
            service.close();
        }
    }

    /**
     * One more round, untimed, with H2's query statistics on: the SQL statements the service ran per
     * APDU (rows of a JDBC batch each count), by statement. The benchmark's own (its counts, its
     * DELETEs) are left out.
     */
    private static void countStatements(JdbcTemplate jdbc, Applied applied, String name, int port, int connections)
            throws Exception {
        int apdus = 500;
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        applied.after(() -> send(requests(apdus, "Q-" + name), port, connections), apdus);
        List<Map<String, Object>> statistics = jdbc.queryForList(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS");
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        empty(jdbc);
        double total = 0;
        StringBuilder each = new StringBuilder();
        for (Map<String, Object> row : statistics) {
            String sql = String.valueOf(row.get("SQL_STATEMENT"));
            if (sql.contains("COUNT(*) FROM inbox") || sql.startsWith("DELETE") || sql.contains("QUERY_STATISTICS")) {
                continue;
            }
            double perApdu = ((Number) row.get("EXECUTION_COUNT")).doubleValue() / apdus;
            total += perApdu;
            each.append(String.format(Locale.ROOT, "%n  %.2f %s", perApdu, sql.length() > 70 ? sql.substring(0, 70) : sql));
        }
        System.out.printf(Locale.ROOT, "illbridge_%s_statements_per_apdu %.2f%s%n", name, total, each);
    }

    private interface Rate {
        double measure() throws Exception;
    }

    /** ROUNDS measurements: "min median (each)". */
    private static String rates(Rate rate) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rates.add(rate.measure());
        }
        return BenchDatabase.summary(rates);
    }

    private static List<byte[]> requests(int count, String prefix) {
        byte[] vector = YazVectors.read("01-ill-request-minimal");
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(Variants.withQualifier(vector, prefix + "-" + i));
        }
        return requests;
    }

    private static void empty(JdbcTemplate jdbc) {
        for (String table : List.of("apdu_history", "ill_transaction", "processed_apdu", "inbox")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private static void send(List<byte[]> apdus, int port, int connections) throws Exception {
        Senders.send(apdus.size(), apdus::get, port, connections);
    }

    /**
     * Waits for APDUs to be applied by watching the service's own count of APDUs applied (counted
     * once committed): polling the inbox would put the benchmark's queries on the same database and
     * cores as the service it measures, and the plain program has no such load.
     */
    private record Applied(MeterRegistry registry, JdbcTemplate jdbc) {

        private static final Duration GIVE_UP = Duration.ofMinutes(5);

        void after(Sending sending, int expected) throws Exception {
            double until = count() + expected;
            sending.send();
            long giveUp = System.nanoTime() + GIVE_UP.toNanos();
            while (count() < until) {
                if (System.nanoTime() > giveUp) {
                    checkInbox(expected); // says what was not applied
                    throw new IllegalStateException("the service counted fewer than " + expected + " APDUs applied");
                }
                Thread.sleep(2);
            }
        }

        /** Once a round is timed: every APDU of it is in the inbox as applied, and nothing else is. */
        void checkInbox(int expected) {
            Long applied = jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = 'applied'", Long.class);
            Long total = jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
            if (applied == null || applied != expected || total == null || total != expected) {
                throw new IllegalStateException(applied + " of " + total + " inbox entries applied where "
                        + expected + " were sent: the benchmark's input is wrong");
            }
        }

        private double count() {
            return registry.find("illbridge.apdus.received").tag("outcome", InboxStatus.APPLIED.code()).counters()
                    .stream().mapToDouble(Counter::count).sum();
        }
    }

    private interface Sending {
        void send() throws Exception;
    }

    /**
     * The naive ceiling: per APDU, three INSERTs each committed on its own (autocommit) — the inbox
     * row with the bytes, the request, its history row — on {@code connections} connections at once.
     */
    private static double plainJdbcRate(DataSource dataSource, int apdus, int connections, String prefix) throws Exception {
        byte[] bytes = YazVectors.read("01-ill-request-minimal");
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int first = c;
            workers.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(true);
                    try (PreparedStatement inbox = connection.prepareStatement("INSERT INTO inbox (received_at, peer, listener,"
                            + " size_bytes, raw_bytes, status) VALUES (?, '127.0.0.1:1', '127.0.0.1:2', ?, ?, 'applied')",
                            new String[] {"id"});
                         PreparedStatement request = connection.prepareStatement("INSERT INTO ill_transaction (role, site_symbol,"
                                 + " initial_requester, group_qualifier, transaction_qualifier, sub_qualifier, protocol_state, status,"
                                 + " queue, managed_by, update_in_oclc, requester_symbol, responder_symbol, title, ifm, created_at,"
                                 + " updated_at) VALUES ('lending', 'OCL', '', 'ZBW', ?, '', 'IN_PROCESS', 'Pending', 'Pending',"
                                 + " 'iso', FALSE, 'ZBW', 'OCL', 'A minimal request', FALSE, ?, ?)", new String[] {"id"});
                         PreparedStatement history = connection.prepareStatement("INSERT INTO apdu_history (transaction_id,"
                                 + " inbox_id, direction, apdu_type, peer, at, raw_bytes, json) VALUES (?, ?, 'in', 'ILL-Request',"
                                 + " '127.0.0.1:1', ?, ?, '{}')")) {
                        for (int i = first; i < apdus; i += connections) {
                            Timestamp now = Timestamp.from(Instant.now());
                            inbox.setTimestamp(1, now);
                            inbox.setInt(2, bytes.length);
                            inbox.setBytes(3, bytes);
                            inbox.executeUpdate();
                            long inboxId = generatedId(inbox);
                            request.setString(1, prefix + "-" + i);
                            request.setTimestamp(2, now);
                            request.setTimestamp(3, now);
                            request.executeUpdate();
                            long requestId = generatedId(request);
                            history.setLong(1, requestId);
                            history.setLong(2, inboxId);
                            history.setTimestamp(3, now);
                            history.setBytes(4, bytes);
                            history.executeUpdate();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return apdus / ((System.nanoTime() - start) / 1e9);
    }

    private static long generatedId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** The bare TCP sink: the same bytes, same connections, into a socket that only reads. */
    private static double sinkRate(List<byte[]> apdus, int connections) throws Exception {
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
            send(apdus, sink.getLocalPort(), connections);
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
