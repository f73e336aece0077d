package org.illbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The outbox. Rows are claimed by one statement that marks them sending with a lease (on
 * PostgreSQL skipping rows another instance holds), so several instances can drain one outbox
 * without sending anything twice, and a row an instance claimed before it died is claimed again
 * once the lease runs out.
 */
public class OutboxStore {

    private static final String COLUMNS = "id, transaction_id, site_symbol, peer_symbol, apdu_type, apdu_json, status,"
            + " attempts, next_attempt_at, last_error, created_at, sent_at, claim_token, written_by";

    private final JdbcTemplate jdbc;
    private final String vendor;

    public OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        this.vendor = product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
    }

    public long enqueue(Long transactionId, String site, String peer, String apduType, String json, Instant now) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (transaction_id, site_symbol,"
                    + " peer_symbol, apdu_type, apdu_json, status, attempts, next_attempt_at, created_at, written_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 'illbridge')", new String[] {"id"});
            insert.setObject(1, transactionId);
            insert.setString(2, site);
            insert.setString(3, peer);
            insert.setString(4, apduType);
            insert.setString(5, json);
            insert.setString(6, OutboxStatus.PENDING.code());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setTimestamp(8, Timestamp.from(now));
            return insert;
        }, id);
        return id.getKeyAs(Number.class).longValue();
    }

    /**
     * The statement that claims due rows in one step: up to 100 that are pending (or sending with an
     * expired lease), marked sending under a new claim token with a lease of {@code lease}, and
     * returned. On PostgreSQL it skips rows another instance holds ({@code FOR UPDATE SKIP LOCKED}).
     * The outbox route's Camel SQL consumer runs the same statement.
     */
    public String claimStatement(Duration lease) {
        try (InputStream in = OutboxStore.class.getClassLoader().getResourceAsStream("sql/claim-outbox-" + vendor + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${lease-seconds}", Long.toString(Math.max(1, lease.toSeconds())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claim statement written to a file, for the Camel SQL consumer ({@code sql:file:…}). */
    public Path claimStatementFile(Duration lease) {
        try {
            Path file = Files.createTempFile("illbridge-claim-outbox-", ".sql");
            file.toFile().deleteOnExit();
            return Files.writeString(file, claimStatement(lease));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Claims the due rows (what the outbox route's SQL consumer does each poll), with a two-minute lease. */
    public List<OutboxEntry> claim() {
        return jdbc.query(claimStatement(Duration.ofMinutes(2)), OutboxStore::entry);
    }

    /** A claimed row as the Camel SQL consumer hands it on: column name to value. */
    public static OutboxEntry fromRow(Map<String, Object> row) {
        return new OutboxEntry(((Number) row.get("id")).longValue(),
                row.get("transaction_id") == null ? null : ((Number) row.get("transaction_id")).longValue(),
                (String) row.get("site_symbol"), (String) row.get("peer_symbol"), (String) row.get("apdu_type"),
                (String) row.get("apdu_json"), OutboxStatus.ofCode((String) row.get("status")), ((Number) row.get("attempts")).intValue(),
                instant(row.get("next_attempt_at")), (String) row.get("last_error"), instant(row.get("created_at")),
                row.get("sent_at") == null ? null : instant(row.get("sent_at")), (String) row.get("claim_token"),
                "legacy".equals(row.get("written_by")));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(String.valueOf(value));
    }

    /*
     * The updates of a claimed row name its claim token: they hold only while this instance's claim
     * does, so an instance whose lease ran out can never overwrite what the next claimant did.
     */

    /** Extends the claim on a row until {@code until}; false when the claim is no longer this token's. */
    public boolean renew(long id, String token, Instant until) {
        return jdbc.update("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND claim_token = ? AND status = ?",
                Timestamp.from(until), id, token, OutboxStatus.SENDING.code()) == 1;
    }

    /** Whether the entry is still being sent under {@code token}: a read, where the lease needs no renewing. */
    public boolean holds(long id, String token) {
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE id = ? AND claim_token = ? AND status = ?",
                Integer.class, id, token, OutboxStatus.SENDING.code());
        return held != null && held == 1;
    }

    public boolean sent(long id, String token, int attempts, Instant at) {
        return jdbc.update("UPDATE outbox SET status = ?, attempts = ?, sent_at = ?, last_error = NULL, claim_token = NULL"
                + " WHERE id = ? AND claim_token = ?", OutboxStatus.SENT.code(), attempts, Timestamp.from(at), id, token) == 1;
    }

    public boolean retryLater(long id, String token, int attempts, Instant next, String error) {
        return jdbc.update("UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claim_token = NULL"
                + " WHERE id = ? AND claim_token = ?", OutboxStatus.PENDING.code(), attempts, Timestamp.from(next),
                truncate(error), id, token) == 1;
    }

    public boolean failed(long id, String token, int attempts, String error) {
        return jdbc.update("UPDATE outbox SET status = ?, attempts = ?, last_error = ?, claim_token = NULL"
                + " WHERE id = ? AND claim_token = ?", OutboxStatus.FAILED.code(), attempts, truncate(error), id, token) == 1;
    }

    public void rejected(long id, String reason) {
        jdbc.update("UPDATE outbox SET status = ?, last_error = ? WHERE id = ?", OutboxStatus.REJECTED.code(),
                truncate(reason), id);
    }

    /** Sends a failed or rejected APDU again from the start; false when it is not failed or rejected. */
    public boolean resend(long id, Instant now) {
        return jdbc.update("UPDATE outbox SET status = ?, attempts = 0, next_attempt_at = ? WHERE id = ? AND status IN (?, ?)",
                OutboxStatus.PENDING.code(), Timestamp.from(now), id, OutboxStatus.FAILED.code(),
                OutboxStatus.REJECTED.code()) == 1;
    }

    /**
     * Sends it at the next poll: a failed or rejected entry from the start, a pending one waiting out
     * its retry delay at once. False when it is neither (sent, or being sent).
     */
    public boolean retryNow(long id, Instant now) {
        return resend(id, now) || jdbc.update("UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = ?",
                Timestamp.from(now), id, OutboxStatus.PENDING.code()) == 1;
    }

    /** A legacy system's row passed the checks a staff action passes; later attempts need not repeat them. */
    public boolean checked(long id, String token) {
        return jdbc.update("UPDATE outbox SET written_by = 'checked' WHERE id = ? AND claim_token = ?", id, token) == 1;
    }

    public long count(OutboxStatus status) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = ?", Long.class, status.code());
        return count == null ? 0 : count;
    }

    /** When the oldest entry still waiting to be sent was queued, if any is. */
    public Optional<Instant> oldestPending() {
        return jdbc.query("SELECT MIN(created_at) FROM outbox WHERE status IN (?, ?)", (rs, n) -> rs.getTimestamp(1),
                OutboxStatus.PENDING.code(), OutboxStatus.SENDING.code()).stream()
                .filter(Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    public Optional<OutboxEntry> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE id = ?", OutboxStore::entry, id).stream().findFirst();
    }

    /** The latest APDU sent for a transaction, which a peer's error report is about. */
    public Optional<OutboxEntry> lastSent(long transactionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE transaction_id = ? AND status = ?"
                + " ORDER BY sent_at DESC, id DESC FETCH FIRST 1 ROWS ONLY", OutboxStore::entry, transactionId,
                OutboxStatus.SENT.code())
                .stream().findFirst();
    }

    /** Everything queued for one transaction, oldest first: what was sent, and what still waits. */
    public List<OutboxEntry> forTransaction(long transactionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE transaction_id = ? ORDER BY id", OutboxStore::entry,
                transactionId);
    }

    public List<OutboxEntry> list(OutboxStatus status, int limit) {
        return status == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM outbox ORDER BY id DESC FETCH FIRST ? ROWS ONLY", OutboxStore::entry, limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM outbox WHERE status = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                        OutboxStore::entry, status.code(), limit);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxEntry(rs.getLong("id"), (Long) rs.getObject("transaction_id", Long.class),
                rs.getString("site_symbol"), rs.getString("peer_symbol"), rs.getString("apdu_type"),
                rs.getString("apdu_json"), OutboxStatus.ofCode(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(), rs.getString("claim_token"),
                "legacy".equals(rs.getString("written_by")));
    }
}
