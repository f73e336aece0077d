package org.illbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The durable inbox: every frame received, with its exact bytes, stored before anything else is
 * done with it. Each row is one frame ({@code frame_id}), however often it is stored.
 */
public class InboxStore {

    private static final String COLUMNS = "id, received_at, peer, listener, size_bytes, status, status_detail";
    private static final String INSERT = "INSERT INTO inbox (frame_id, received_at, peer, listener, size_bytes, raw_bytes,"
            + " status, status_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public InboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bytes and returns the new entry's id. */
    public long store(ReceivedBytes received) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"});
            bind(insert, received);
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Stores several frames with one statement batch (the caller's transaction commits them together); their ids, in order. */
    public List<Long> storeAll(List<ReceivedBytes> frames) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement insert, int i) throws SQLException {
                        bind(insert, frames.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return frames.size();
                    }
                }, keys);
        List<Long> ids = new ArrayList<>();
        keys.getKeyList().forEach(row -> ids.add(((Number) row.values().iterator().next()).longValue()));
        return ids;
    }

    /** The entry of this frame: stored now, or found when it was stored before (a spooled frame moved twice). */
    public Stored storeOnce(ReceivedBytes received) {
        Optional<Long> before = idOfFrame(received.frameId());
        if (before.isPresent()) {
            return new Stored(before.get(), false);
        }
        try {
            return new Stored(store(received), true);
        } catch (DuplicateKeyException storedMeanwhile) {
            return new Stored(idOfFrame(received.frameId()).orElseThrow(() -> storedMeanwhile), false);
        }
    }

    /** An inbox entry, and whether this call stored it. */
    public record Stored(long id, boolean isNew) {
    }

    private Optional<Long> idOfFrame(String frameId) {
        return jdbc.queryForList("SELECT id FROM inbox WHERE frame_id = ?", Long.class, frameId).stream().findFirst();
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
        DeferredWrites.flush(jdbc);
        return jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE id = ?", InboxStore::entry, id)
                .stream().findFirst();
    }

    /** The exact bytes received. */
    public Optional<byte[]> rawBytes(long id) {
        DeferredWrites.flush(jdbc);
        return jdbc.query("SELECT raw_bytes FROM inbox WHERE id = ?", (rs, n) -> rs.getBytes(1), id)
                .stream().findFirst();
    }

    /**
     * Claims, until {@code until}, entries still 'received' that arrived before {@code before}: their
     * processing never ended (the service stopped, the inbound route was missing, the database
     * failed mid-way). An entry another instance holds a claim on is left to it.
     */
    public List<InboxEntry> claimUnprocessed(Instant before, Instant now, Instant until, int limit) {
        List<InboxEntry> candidates = jdbc.query("SELECT " + COLUMNS + " FROM inbox WHERE status = ? AND received_at < ?"
                + " AND (recovery_until IS NULL OR recovery_until < ?) ORDER BY id FETCH FIRST ? ROWS ONLY", InboxStore::entry,
                InboxStatus.RECEIVED.code(), Timestamp.from(before), Timestamp.from(now), limit);
        return candidates.stream().filter(entry -> jdbc.update("UPDATE inbox SET recovery_until = ? WHERE id = ? AND status = ?"
                + " AND (recovery_until IS NULL OR recovery_until < ?)", Timestamp.from(until), entry.id(),
                InboxStatus.RECEIVED.code(), Timestamp.from(now)) == 1).toList();
    }

    /** Says what became of an entry; the bytes never change. */
    /** Held back until commit where the transaction asks for that ({@link DeferredWrites}). */
    public void setStatus(long id, InboxStatus status, String detail) {
        DeferredWrites.write(jdbc, "UPDATE inbox SET status = ?, status_detail = ? WHERE id = ?", update -> {
            update.setString(1, status.code());
            update.setString(2, detail);
            update.setLong(3, id);
        });
    }

    /** Deletes entries of this status that arrived before {@code before}; how many. */
    public int deleteOlder(InboxStatus status, Instant before) {
        return jdbc.update("DELETE FROM inbox WHERE status = ? AND received_at < ?", status.code(), Timestamp.from(before));
    }

    public long count(InboxStatus status) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = ?", Long.class, status.code());
        return count == null ? 0 : count;
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
        return count == null ? 0 : count;
    }

    private static void bind(PreparedStatement insert, ReceivedBytes received) throws SQLException {
        insert.setString(1, received.frameId());
        insert.setTimestamp(2, Timestamp.from(received.receivedAt()));
        insert.setString(3, received.peer());
        insert.setString(4, received.listener());
        insert.setInt(5, received.bytes().length);
        insert.setBytes(6, received.bytes());
        insert.setString(7, received.status().code());
        insert.setString(8, received.statusDetail());
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
