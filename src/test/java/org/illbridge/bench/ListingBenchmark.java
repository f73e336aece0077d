package org.illbridge.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Queue;
import org.illbridge.store.RequestSearch;
import org.illbridge.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How fast the message file's listings answer with many requests: each listing the page and the
 * API make (a queue, a status, a search, the next page, the queue list's counts), timed over warm
 * repetitions on H2 and on PostgreSQL, with the listing indexes (V6) and, as the baseline in the
 * same run, with the single-column indexes they replaced. Prints p50 and p95 in milliseconds.
 * Usage: tools/bench/listings [ROWS [H2,PostgreSQL]]   (default 200000, both)
 */
public final class ListingBenchmark {

    private static final int WARMUP = 10;
    private static final int MEASURED = 60;
    private static final int PAGE = 50;

    private ListingBenchmark() {
    }

    /** One listing, as the service runs it. */
    private record Listing(String name, Supplier<Object> query) {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.println("| database | listing | p50 ms (listing indexes) | p95 ms | p50 ms (single-column indexes) | p95 ms |");
        System.out.println("|---|---|---|---|---|---|");
        List<String> databases = args.length > 1 ? List.of(args[1].split(",")) : List.of("H2", "PostgreSQL");
        for (String database : databases) {
            // H2 would otherwise answer a repeated query from the result it kept, which a changing message file never does
            String url = database.equals("H2") ? TestDatabases.newH2Url() + ";OPTIMIZE_REUSE_RESULTS=FALSE"
                    : TestDatabases.newPostgresUrl();
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url,
                    database.equals("H2") ? "sa" : TestDatabases.postgresUser(), "", true);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            seed(jdbc, rows);
            analyze(jdbc);
            MessageFileStore store = new MessageFileStore(jdbc);
            List<Listing> listings = listings(store, jdbc);
            List<double[]> indexed = new ArrayList<>();
            for (Listing listing : listings) {
                indexed.add(time(listing));
                System.err.printf(Locale.ROOT, "%s %s: p50 %.2f ms, p95 %.2f ms%n", database, listing.name(),
                        indexed.get(indexed.size() - 1)[0], indexed.get(indexed.size() - 1)[1]);
            }
            useSingleColumnIndexes(jdbc);
            analyze(jdbc);
            for (int i = 0; i < listings.size(); i++) {
                double[] baseline = time(listings.get(i));
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f |%n", database, listings.get(i).name(),
                        indexed.get(i)[0], indexed.get(i)[1], baseline[0], baseline[1]);
            }
            dataSource.destroy();
        }
        System.exit(0);
    }

    private static List<Listing> listings(MessageFileStore store, JdbcTemplate jdbc) {
        long middle = jdbc.queryForObject("SELECT MAX(id) / 2 FROM ill_transaction", Long.class);
        return List.of(
                new Listing("lending, Checked In (most rows)", () -> store.list(search(Role.LENDING, Queue.CHECKED_IN, null, null))),
                new Listing("lending, Pending", () -> store.list(search(Role.LENDING, Queue.PENDING, null, null))),
                new Listing("borrowing, Checked In, a page back", () -> store.list(search(Role.BORROWING, Queue.CHECKED_IN, null,
                        middle))),
                new Listing("status Shipped, both roles", () -> store.list(new RequestSearch(null, null, "Shipped", null, null,
                        null, null, PAGE))),
                new Listing("search: a transaction qualifier", () -> store.list(new RequestSearch(null, null, null, null,
                        "Q-" + middle, null, null, PAGE))),
                new Listing("search: words of a title (reads every request)", () -> store.list(new RequestSearch(null, null,
                        null, null, "title 4242", null, null, PAGE))),
                new Listing("queue list counts (both roles and Damaged)", () -> List.of(store.countByQueue(),
                        store.countReported("Damaged"))));
    }

    private static RequestSearch search(Role role, Queue queue, String text, Long before) {
        return new RequestSearch(role, queue, null, null, text, null, before, PAGE);
    }

    /** {@code rows} requests, as a long-running library's message file holds them: most long checked in. */
    private static void seed(JdbcTemplate jdbc, int rows) {
        ProtocolState[] states = {ProtocolState.CHECKED_IN, ProtocolState.CHECKED_IN, ProtocolState.CHECKED_IN,
                ProtocolState.CHECKED_IN, ProtocolState.CHECKED_IN, ProtocolState.CHECKED_IN, ProtocolState.NOT_SUPPLIED,
                ProtocolState.NOT_SUPPLIED, ProtocolState.SHIPPED, ProtocolState.IN_PROCESS, ProtocolState.RECEIVED,
                ProtocolState.RETURNED};
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        List<Object[]> batch = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            ProtocolState state = states[i % states.length];
            Role role = (i / states.length) % 2 == 0 ? Role.LENDING : Role.BORROWING;
            batch.add(new Object[] {role.code(), "OCL", "", "ZBW", "Q-" + i, "", state.name(), state.oclcStatus(),
                    Queue.of(state).label(), "iso", false, "ZBW", "OCL", "Title " + i, "Author " + (i % 997), "20261231",
                    "ZBW Library", "USD 10.00", Integer.toString(1_000_000 + i), "Patron " + (i % 5003), false,
                    at, at});
            if (batch.size() == 5000) {
                insert(jdbc, batch);
            }
        }
        insert(jdbc, batch);
        jdbc.update("INSERT INTO apdu_history (transaction_id, direction, apdu_type, peer, at, raw_bytes, json)"
                + " SELECT id, 'in', CASE WHEN MOD(id, 100) = 0 THEN 'Damaged' ELSE 'ILL-Request' END, 'ZBW', updated_at,"
                + " ?, '{}' FROM ill_transaction", (Object) new byte[] {0});
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("INSERT INTO ill_transaction (role, site_symbol, initial_requester, group_qualifier,"
                + " transaction_qualifier, sub_qualifier, protocol_state, status, queue, managed_by, update_in_oclc,"
                + " requester_symbol, responder_symbol, title, author, need_before, ship_to, maximum_cost, oclc_number, patron,"
                + " ifm, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    /** The baseline: the indexes before V6 (one column each), so that a listing sorts what it selects. */
    private static void useSingleColumnIndexes(JdbcTemplate jdbc) {
        for (String index : List.of("ill_transaction_role_queue_order", "ill_transaction_queue_order",
                "ill_transaction_status_order")) {
            jdbc.execute("DROP INDEX " + index);
        }
        jdbc.execute("CREATE INDEX ill_transaction_queue ON ill_transaction (queue)");
        jdbc.execute("CREATE INDEX ill_transaction_status ON ill_transaction (status)");
    }

    private static void analyze(JdbcTemplate jdbc) {
        jdbc.execute("ANALYZE");
    }

    /** p50 and p95 in milliseconds over warm repetitions. */
    private static double[] time(Listing listing) {
        for (int i = 0; i < WARMUP; i++) {
            listing.query().get();
        }
        double[] millis = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            listing.query().get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[MEASURED / 2], millis[(int) Math.ceil(MEASURED * 0.95) - 1]};
    }
}
