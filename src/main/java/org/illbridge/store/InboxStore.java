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

/**
 * The durable inbox. Each {@link #store} is one auto-committed statement, so the bytes are on
 * disk, in their own transaction, before anything else is done with them.
 */
public class InboxStore {

    private static final String COLUMNS = "id, received_at, peer, listener, size_bytes, status, status_detail";

    private final JdbcTemplate jdbc;

    public InboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bytes and returns the new entry's id. */
    public long store(ReceivedBytes received) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox (received_at, peer, listener, size_bytes, raw_bytes, status, status_detail)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(received.receivedAt()));
            insert.setString(2, received.peer());
            insert.setString(3, received.listener());
            insert.setInt(4, received.bytes().length);
            insert.setBytes(5, received.bytes());
            insert.setString(6, received.status().code());
            insert.setString(7, received.statusDetail());
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** The newest entries first, at most {@code limit}, optionally only those older than {@code beforeId}. */
    public List<InboxEntry> newest(int limit, Long beforeId) {
        if (beforeId == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM inbox ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                    InboxStore::entry, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                InboxStore::entry, beforeId, limit);
    }

    public Optional<InboxEntry> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE id = ?", InboxStore::entry, id)
                .stream().findFirst();
    }

    /** The exact bytes received. */
    public Optional<byte[]> rawBytes(long id) {
        return jdbc.query("SELECT raw_bytes FROM inbox WHERE id = ?", (rs, n) -> rs.getBytes(1), id)
                .stream().findFirst();
    }

    /**
     * Entries still 'received' that arrived before {@code before}: their processing never ended
     * (the service stopped, the inbound route was missing, the database failed mid-way).
     */
    public List<InboxEntry> unprocessed(Instant before, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE status = ? AND received_at < ? ORDER BY id"
                + " FETCH FIRST ? ROWS ONLY", InboxStore::entry, InboxStatus.RECEIVED.code(), Timestamp.from(before), limit);
    }

    /** Says what became of an entry; the bytes never change. */
    public void setStatus(long id, InboxStatus status, String detail) {
        jdbc.update("UPDATE inbox SET status = ?, status_detail = ? WHERE id = ?", status.code(), detail, id);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
        return count == null ? 0 : count;
    }

    private static InboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new InboxEntry(
                rs.getLong("id"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("peer"),
                rs.getString("listener"),
                rs.getInt("size_bytes"),
                rs.getString("status"),
                rs.getString("status_detail"));
    }
}
