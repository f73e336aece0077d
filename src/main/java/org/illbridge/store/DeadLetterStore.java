package org.illbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.illbridge.protocol.Direction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /** A refused inbound APDU. */
    public long add(Long inboxId, Instant receivedAt, String peer, byte[] rawBytes, String json, String reasonCode,
                    String reason, Instant at) {
        return insert(Direction.IN, inboxId, null, receivedAt, peer, rawBytes, json, reasonCode, reason, at);
    }

    /** An APDU of ours: refused before sending, not deliverable, or rejected by the peer. */
    public long addOutbound(Long outboxId, String peer, byte[] rawBytes, String json, String reasonCode, String reason,
                            Instant at) {
        return insert(Direction.OUT, null, outboxId, at, peer, rawBytes, json, reasonCode, reason, at);
    }

    private long insert(Direction direction, Long inboxId, Long outboxId, Instant receivedAt, String peer, byte[] rawBytes,
                        String json, String reasonCode, String reason, Instant at) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (direction, inbox_id, outbox_id,"
                    + " received_at, peer, raw_bytes, json, reason_code, reason, status, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            int i = 0;
            insert.setString(++i, direction.code());
            insert.setObject(++i, inboxId);
            insert.setObject(++i, outboxId);
            insert.setTimestamp(++i, Timestamp.from(receivedAt));
            insert.setString(++i, peer);
            insert.setBytes(++i, rawBytes);
            insert.setString(++i, json);
            insert.setString(++i, reasonCode);
            insert.setString(++i, reason);
            insert.setString(++i, DeadLetterStatus.OPEN.code());
            insert.setTimestamp(++i, Timestamp.from(at));
            return insert;
        }, id);
        return id.getKeyAs(Number.class).longValue();
    }

    public void reportSent(long id, String how) {
        jdbc.update("UPDATE dead_letter SET report_sent = ? WHERE id = ?", how, id);
    }

    public List<DeadLetter> list(DeadLetterStatus status, int limit) {
        return list(status, null, limit);
    }

    /** Newest first, narrowed by status and reason code where given. */
    public List<DeadLetter> list(DeadLetterStatus status, String reasonCode, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dead_letter WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status.code());
        }
        if (reasonCode != null) {
            sql.append(" AND reason_code = ?");
            arguments.add(reasonCode);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
        arguments.add(limit);
        return jdbc.query(sql.toString(), DeadLetterStore::deadLetter, arguments.toArray());
    }

    public long count(DeadLetterStatus status) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = ?", Long.class, status.code());
        return count == null ? 0 : count;
    }

    /** How many dead letters are open, by reason code. */
    public Map<String, Long> openByReason() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT reason_code, COUNT(*) FROM dead_letter WHERE status = ? GROUP BY reason_code",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), DeadLetterStatus.OPEN.code());
        return counts;
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
    public boolean close(long id, DeadLetterStatus status, Instant at) {
        return jdbc.update("UPDATE dead_letter SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                status.code(), Timestamp.from(at), id, DeadLetterStatus.OPEN.code()) == 1;
    }

    private static DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), Direction.ofCode(rs.getString("direction")), (Long) rs.getObject("inbox_id", Long.class),
                (Long) rs.getObject("outbox_id", Long.class),
                rs.getTimestamp("received_at").toInstant(), rs.getString("peer"), rs.getInt("size"),
                rs.getString("reason_code"), rs.getString("reason"), DeadLetterStatus.ofCode(rs.getString("status")),
                rs.getString("report_sent"), rs.getString("json"), rs.getTimestamp("updated_at").toInstant());
    }
}
