package org.illbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The dead letters: refused APDUs with their bytes, their JSON where they decoded, and why. */
public class DeadLetterStore {

    private static final String COLUMNS = "id, direction, inbox_id, outbox_id, received_at, peer, length(raw_bytes) AS size,"
            + " reason_code, reason, status, report_sent, json, updated_at";

    private final JdbcTemplate jdbc;

    public DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long add(Long inboxId, Instant receivedAt, String peer, byte[] rawBytes, String json, String reasonCode,
                    String reason, Instant at) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (inbox_id, received_at, peer,"
                    + " raw_bytes, json, reason_code, reason, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setObject(1, inboxId);
            insert.setTimestamp(2, Timestamp.from(receivedAt));
            insert.setString(3, peer);
            insert.setBytes(4, rawBytes);
            insert.setString(5, json);
            insert.setString(6, reasonCode);
            insert.setString(7, reason);
            insert.setString(8, DeadLetter.OPEN);
            insert.setTimestamp(9, Timestamp.from(at));
            return insert;
        }, id);
        return id.getKeyAs(Number.class).longValue();
    }

    /** A dead letter for an APDU of ours: refused before sending, not deliverable, or rejected by the peer. */
    public long addOutbound(Long outboxId, String peer, byte[] rawBytes, String json, String reasonCode, String reason,
                            Instant at) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (outbox_id, direction, received_at,"
                    + " peer, raw_bytes, json, reason_code, reason, status, updated_at) VALUES (?, 'out', ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setObject(1, outboxId);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, peer);
            insert.setBytes(4, rawBytes);
            insert.setString(5, json);
            insert.setString(6, reasonCode);
            insert.setString(7, reason);
            insert.setString(8, DeadLetter.OPEN);
            insert.setTimestamp(9, Timestamp.from(at));
            return insert;
        }, id);
        return id.getKeyAs(Number.class).longValue();
    }

    public void reportSent(long id, String how) {
        jdbc.update("UPDATE dead_letter SET report_sent = ? WHERE id = ?", how, id);
    }

    public List<DeadLetter> list(String status, int limit) {
        return status == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM dead_letter ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                        DeadLetterStore::deadLetter, limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE status = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                        DeadLetterStore::deadLetter, status, limit);
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?", DeadLetterStore::deadLetter, id)
                .stream().findFirst();
    }

    public Optional<byte[]> rawBytes(long id) {
        return jdbc.query("SELECT raw_bytes FROM dead_letter WHERE id = ?", (rs, n) -> rs.getBytes(1), id)
                .stream().findFirst();
    }

    /** Moves an open dead letter to {@code status}; false when it was not open (already replayed or discarded). */
    public boolean close(long id, String status, Instant at) {
        return jdbc.update("UPDATE dead_letter SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                status, Timestamp.from(at), id, DeadLetter.OPEN) == 1;
    }

    private static DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("direction"), (Long) rs.getObject("inbox_id", Long.class),
                (Long) rs.getObject("outbox_id", Long.class),
                rs.getTimestamp("received_at").toInstant(), rs.getString("peer"), rs.getInt("size"),
                rs.getString("reason_code"), rs.getString("reason"), rs.getString("status"),
                rs.getString("report_sent"), rs.getString("json"), rs.getTimestamp("updated_at").toInstant());
    }
}
