package org.illbridge.store;

import java.sql.Connection;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A commit counts only once it is on disk. PostgreSQL does this by itself (with fsync and
 * synchronous_commit on, as they are by default). Embedded H2 defers writing commits by half a
 * second unless told otherwise, so a kill -9 could lose what it had acknowledged: here it is told
 * to write each commit to the file when it happens ({@code WRITE_DELAY 0}) — into the operating
 * system, which a killed process cannot lose; a power cut can still lose the last commits, since
 * H2 does not force them to the platter.
 */
public final class CommitDurability {

    private static final Logger LOG = LoggerFactory.getLogger(CommitDurability.class);

    private CommitDurability() {
    }

    /**
     * How many APDUs to apply in one transaction when the setting leaves it to the database: on H2,
     * which takes every commit under one lock, batches of 64 apply more per second (tools/bench/ingest);
     * PostgreSQL already merges concurrent commits into one WAL flush, and one writer thread would
     * only serialize what its connections do in parallel, so each APDU commits on its own there.
     */
    public static int applyBatch(JdbcTemplate jdbc) {
        return isH2(jdbc) ? 64 : 1;
    }

    private static boolean isH2(JdbcTemplate jdbc) {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(Locale.ROOT).contains("h2");
    }

    /** Makes the database write each commit when it happens; returns the database's name. */
    public static String apply(JdbcTemplate jdbc) {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        if (product != null && product.toLowerCase(Locale.ROOT).contains("h2")) {
            jdbc.execute("SET WRITE_DELAY 0");
            LOG.info("H2: each commit is written to the database file as it happens (WRITE_DELAY 0)");
        }
        return product;
    }
}
