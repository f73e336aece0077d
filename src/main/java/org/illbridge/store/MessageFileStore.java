package org.illbridge.store;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.protocol.Direction;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The message file: transactions, their history, and which APDUs have been applied. Callers run
 * the statements of one APDU in one database transaction.
 */
public class MessageFileStore {

    private static final String INSERTED = "role, site_symbol, initial_requester, group_qualifier, transaction_qualifier,"
            + " sub_qualifier, protocol_state, status, queue, managed_by, update_in_oclc, requester_symbol, responder_symbol,"
            + " title, author, need_before, ship_to, maximum_cost, oclc_number, patron, ifm, created_at, updated_at";
    private static final String COLUMNS = "id, " + INSERTED + ", version";
    private static final String KEY = "site_symbol = ? AND initial_requester = ? AND group_qualifier = ?"
            + " AND transaction_qualifier = ? AND sub_qualifier = ?";

    private final JdbcTemplate jdbc;
    private final IllCodec codec = new IllCodec();

    public MessageFileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the APDU with this hash is being applied. False when it was applied before (a
     * retransmission, or the same APDU delivered to two addresses): then nothing is written, and the
     * database transaction stays good to commit. The unique key makes this hold across instances.
     * Inside a connection's batch the mark goes with the batch's other held-back writes, and an APDU
     * applied before fails the batch's commit instead ({@link DeferredWrites#writeOne}): the batch is
     * then applied one APDU at a time, and this answers false for that one.
     *
     * @throws DuplicateKeyException when another transaction recorded the same hash at the same moment
     */
    public boolean markApplied(String apduHash, Long inboxId, Instant at) {
        return DeferredWrites.writeOne(jdbc, "INSERT INTO processed_apdu (apdu_hash, inbox_id, processed_at)"
                + " SELECT CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " WHERE NOT EXISTS (SELECT 1 FROM processed_apdu WHERE apdu_hash = ?)",
                "an APDU of the batch was applied before", insert -> {
                    insert.setString(1, apduHash);
                    insert.setObject(2, inboxId, Types.BIGINT);
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.setString(4, apduHash);
                });
    }

    /** Whether the APDU with this hash was applied. */
    public boolean wasApplied(String apduHash) {
        DeferredWrites.flush(jdbc);
        return !jdbc.queryForList("SELECT 1 FROM processed_apdu WHERE apdu_hash = ?", Integer.class, apduHash).isEmpty();
    }

    /** The inbox entry whose APDU of this hash was applied, if one was (null when it came from no inbox entry). */
    public Optional<Long> appliedFrom(String apduHash) {
        DeferredWrites.flush(jdbc);
        return jdbc.query("SELECT inbox_id FROM processed_apdu WHERE apdu_hash = ?",
                (rs, n) -> (Long) rs.getObject(1, Long.class), apduHash).stream().filter(Objects::nonNull).findFirst();
    }

    public Optional<IllTransaction> find(Role role, String site, TransactionKey key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ill_transaction WHERE role = ? AND " + KEY,
                MessageFileStore::transaction, role.code(), site, key.initialRequester(), key.groupQualifier(),
                key.transactionQualifier(), key.subQualifier()).stream().findFirst();
    }

    /**
     * The one transaction with this id's group qualifier, qualifier and sub-qualifier, whatever its
     * initial-requester-id: ISO 10161 tells transactions apart by those three, and partners differ on
     * whether they echo an initial-requester-id. Empty when none, or more than one, matches.
     */
    public Optional<IllTransaction> findIgnoringInitialRequester(Role role, String site, TransactionKey key) {
        List<IllTransaction> found = jdbc.query("SELECT " + COLUMNS + " FROM ill_transaction WHERE role = ? AND site_symbol = ?"
                        + " AND group_qualifier = ? AND transaction_qualifier = ? AND sub_qualifier = ? FETCH FIRST 2 ROWS ONLY",
                MessageFileStore::transaction, role.code(), site, key.groupQualifier(), key.transactionQualifier(),
                key.subQualifier());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The transactions with this id at this site, in whichever role. */
    public List<IllTransaction> find(String site, TransactionKey key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ill_transaction WHERE " + KEY + " ORDER BY id",
                MessageFileStore::transaction, site, key.initialRequester(), key.groupQualifier(),
                key.transactionQualifier(), key.subQualifier());
    }

    public Optional<IllTransaction> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ill_transaction WHERE id = ?", MessageFileStore::transaction, id)
                .stream().findFirst();
    }

    /** Adds a new transaction; returns it with its id. Throws DuplicateKeyException when the id is taken. */
    public IllTransaction create(IllTransaction t) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO ill_transaction (" + INSERTED
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            int i = 0;
            insert.setString(++i, t.role().code());
            insert.setString(++i, t.siteSymbol());
            insert.setString(++i, t.key().initialRequester());
            insert.setString(++i, t.key().groupQualifier());
            insert.setString(++i, t.key().transactionQualifier());
            insert.setString(++i, t.key().subQualifier());
            insert.setString(++i, t.state().name());
            insert.setString(++i, t.status());
            insert.setString(++i, t.queue().label());
            insert.setString(++i, t.managedBy().code());
            insert.setBoolean(++i, t.updateInOclc());
            insert.setString(++i, t.requesterSymbol());
            insert.setString(++i, t.responderSymbol());
            insert.setString(++i, t.title());
            insert.setString(++i, t.author());
            insert.setString(++i, t.needBefore());
            insert.setString(++i, t.shipTo());
            insert.setString(++i, t.maximumCost());
            insert.setString(++i, t.oclcNumber());
            insert.setString(++i, t.patron());
            insert.setBoolean(++i, t.ifm());
            insert.setTimestamp(++i, Timestamp.valueOf(t.createdAt()));
            insert.setTimestamp(++i, Timestamp.from(t.updatedAt()));
            return insert;
        }, id);
        return t.withId(id.getKeyAs(Number.class).longValue());
    }

    /**
     * Writes a transaction's new standing, worked out from the version it was read at.
     *
     * @throws TransactionChangedException when it has changed since (nothing is written)
     */
    public void update(IllTransaction t) {
        int updated = jdbc.update("UPDATE ill_transaction SET protocol_state = ?, status = ?, queue = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?",
                t.state().name(), t.status(), t.queue().label(), Timestamp.from(t.updatedAt()), t.id(), t.version());
        if (updated == 0) {
            throw new TransactionChangedException(t.id());
        }
    }

    /** An APDU in or out with its JSON view as written (where the bytes may not give it: a failed send). */
    public void addHistory(long transactionId, Long inboxId, Direction direction, String apduType, String peer,
                           Instant at, byte[] rawBytes, String json, String note) {
        insertHistory(transactionId, inboxId, direction, apduType, peer, at, rawBytes, json, null, note);
    }

    /**
     * An APDU in or out, kept by its bytes: its JSON view is derived from them when read, with the
     * charset its ILL-Strings are in.
     */
    public void addHistory(long transactionId, Long inboxId, Direction direction, String apduType, String peer,
                           Instant at, byte[] rawBytes, Charset charset, String note) {
        insertHistory(transactionId, inboxId, direction, apduType, peer, at, rawBytes, null, charset.name(), note);
    }

    /** Held back until commit where the transaction asks for that ({@link DeferredWrites}): nobody waits for its id. */
    private void insertHistory(long transactionId, Long inboxId, Direction direction, String apduType, String peer,
                               Instant at, byte[] rawBytes, String json, String charset, String note) {
        DeferredWrites.write(jdbc, "INSERT INTO apdu_history (transaction_id, inbox_id, direction, apdu_type, peer, at,"
                + " raw_bytes, json, note, charset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insert -> {
                    insert.setLong(1, transactionId);
                    if (inboxId != null) {
                        insert.setLong(2, inboxId);
                    } else {
                        insert.setNull(2, Types.BIGINT);
                    }
                    insert.setString(3, direction.code());
                    insert.setString(4, apduType);
                    insert.setString(5, peer);
                    insert.setTimestamp(6, Timestamp.from(at));
                    insert.setBytes(7, rawBytes);
                    insert.setString(8, json);
                    insert.setString(9, note);
                    insert.setString(10, charset);
                });
    }

    public List<HistoryEntry> history(long transactionId) {
        DeferredWrites.flush(jdbc);
        return jdbc.query("SELECT id, transaction_id, inbox_id, direction, apdu_type, peer, at, json, charset,"
                + " CASE WHEN json IS NULL THEN raw_bytes END AS bytes_for_json, note"
                + " FROM apdu_history WHERE transaction_id = ? ORDER BY id", (rs, n) -> historyEntry(rs,
                json(rs.getString("json"), rs.getBytes("bytes_for_json"), rs.getString("charset"))), transactionId);
    }

    /** The history without the APDUs' JSON (null): what came when, for whom only the order matters. */
    public List<HistoryEntry> historyOutline(long transactionId) {
        DeferredWrites.flush(jdbc);
        return jdbc.query("SELECT id, transaction_id, inbox_id, direction, apdu_type, peer, at, note"
                + " FROM apdu_history WHERE transaction_id = ? ORDER BY id", (rs, n) -> historyEntry(rs, null), transactionId);
    }

    private static HistoryEntry historyEntry(ResultSet rs, String json) throws SQLException {
        return new HistoryEntry(rs.getLong("id"), rs.getLong("transaction_id"), (Long) rs.getObject("inbox_id", Long.class),
                Direction.ofCode(rs.getString("direction")), rs.getString("apdu_type"), rs.getString("peer"),
                rs.getTimestamp("at").toInstant(), json, rs.getString("note"));
    }

    /** The stored JSON view, or the one the bytes give. */
    private String json(String stored, byte[] bytes, String charset) {
        if (stored != null) {
            return stored;
        }
        try {
            Charset decoding = charset != null ? Charset.forName(charset) : StandardCharsets.UTF_8;
            return new ApduJson(decoding).toText(codec.decode(bytes));
        } catch (DecodeException | RuntimeException e) {
            return ApduJson.MAPPER.createObjectNode().put("undecodable", String.valueOf(e.getMessage())).toString();
        }
    }

    /** The exact bytes of history entry {@code historyId} of request {@code transactionId}, if it has that entry. */
    public Optional<byte[]> historyBytes(long transactionId, long historyId) {
        DeferredWrites.flush(jdbc);
        return jdbc.query("SELECT raw_bytes FROM apdu_history WHERE id = ? AND transaction_id = ?", (rs, n) -> rs.getBytes(1),
                historyId, transactionId).stream().findFirst();
    }

    /**
     * Requests newest first, narrowed by whatever the search gives. Searched text is first looked up
     * as a transaction qualifier or an OCLC number (indexed); only when neither finds anything is it
     * matched against symbols and the words of titles, authors and patrons, which reads every request.
     */
    public List<IllTransaction> list(RequestSearch search) {
        boolean searching = search.text() != null && !search.text().isBlank();
        if (searching) {
            List<IllTransaction> exact = list(search, true);
            if (!exact.isEmpty()) {
                return exact;
            }
        }
        return list(search, false);
    }

    private List<IllTransaction> list(RequestSearch search, boolean identifiersOnly) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ill_transaction WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        narrow(search, identifiersOnly, sql, arguments);
        if (search.beforeId() != null) {
            sql.append(" AND id < ?");
            arguments.add(search.beforeId());
        }
        sql.append(" ORDER BY ").append(orderFor(search)).append(" FETCH FIRST ? ROWS ONLY");
        arguments.add(search.limit());
        return jdbc.query(sql.toString(), MessageFileStore::transaction, arguments.toArray());
    }

    /**
     * Newest first, written as the listing index's columns: the columns the search fixes lead (a
     * constant, so the order is the same), which lets H2 read a page straight from the index instead
     * of sorting the whole queue; PostgreSQL finds the index either way.
     */
    private static String orderFor(RequestSearch search) {
        if (search.queue() != null) {
            return search.role() != null ? "role DESC, queue DESC, id DESC" : "queue DESC, id DESC";
        }
        return search.status() != null ? "status DESC, id DESC" : "id DESC";
    }

    /**
     * The next page of requests in id order after {@code afterId}, in any of {@code queues} (all
     * when empty) and of {@code role} (both when null): how a download reads the whole message file.
     */
    public List<IllTransaction> page(List<Queue> queues, Role role, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ill_transaction WHERE id > ?");
        List<Object> arguments = new ArrayList<>(List.of(afterId));
        if (role != null) {
            sql.append(" AND role = ?");
            arguments.add(role.code());
        }
        if (!queues.isEmpty()) {
            sql.append(" AND queue IN (").append(String.join(", ", Collections.nCopies(queues.size(), "?"))).append(")");
            queues.forEach(q -> arguments.add(q.label()));
        }
        sql.append(" ORDER BY id FETCH FIRST ? ROWS ONLY");
        arguments.add(limit);
        return jdbc.query(sql.toString(), MessageFileStore::transaction, arguments.toArray());
    }

    /**
     * Moves the given requests from Pending to In Process where they still are Pending lending
     * requests worked here; says for each whether it moved.
     */
    public boolean[] markInProcess(List<Long> ids, Instant at) {
        int[][] counts = jdbc.batchUpdate("UPDATE ill_transaction SET queue = ?, status = ?, updated_at = ?"
                        + " WHERE id = ? AND queue = ? AND role = ? AND managed_by = ?", ids, ids.size(),
                (ps, id) -> {
                    ps.setString(1, Queue.IN_PROCESS.label());
                    ps.setString(2, Queue.IN_PROCESS.label());
                    ps.setTimestamp(3, Timestamp.from(at));
                    ps.setLong(4, id);
                    ps.setString(5, Queue.PENDING.label());
                    ps.setString(6, Role.LENDING.code());
                    ps.setString(7, ManagedBy.ISO.code());
                });
        boolean[] marked = new boolean[ids.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                marked[i++] = count > 0;
            }
        }
        return marked;
    }

    /** Staff chose to know {@code symbol} as a requester of {@code site} from now on. */
    public void addKnownRequester(String site, String symbol, String by, Instant at) {
        if (!isKnownRequester(site, symbol)) {
            jdbc.update("INSERT INTO known_requester (site_symbol, symbol, added_by, added_at) VALUES (?, ?, ?, ?)",
                    site, symbol, by, Timestamp.from(at));
        }
    }

    public boolean isKnownRequester(String site, String symbol) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM known_requester WHERE site_symbol = ? AND symbol = ?",
                Integer.class, site, symbol);
        return found != null && found > 0;
    }

    /** How many requests of each role have an APDU of this type in their history (e.g. a Damaged report). */
    public Map<Role, Long> countReported(String apduType) {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        jdbc.query("SELECT t.role, COUNT(DISTINCT t.id) FROM ill_transaction t JOIN apdu_history h ON h.transaction_id = t.id"
                        + " WHERE h.apdu_type = ? GROUP BY t.role",
                (RowCallbackHandler) rs -> counts.put(Role.ofCode(rs.getString(1)), rs.getLong(2)), apduType);
        return counts;
    }

    /** How many requests each queue holds, per role: one pass over the (role, queue) index. */
    public Map<Role, Map<Queue, Long>> countByQueue() {
        Map<Role, Map<Queue, Long>> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, new EnumMap<>(Queue.class));
        }
        jdbc.query("SELECT role, queue, COUNT(*) FROM ill_transaction GROUP BY role, queue", (RowCallbackHandler) rs ->
                counts.get(Role.ofCode(rs.getString(1))).put(Queue.ofLabel(rs.getString(2)), rs.getLong(3)));
        return counts;
    }

    private static void narrow(RequestSearch search, boolean identifiersOnly, StringBuilder sql, List<Object> arguments) {
        if (search.role() != null) {
            sql.append(" AND role = ?");
            arguments.add(search.role().code());
        }
        if (search.queue() != null) {
            sql.append(" AND queue = ?");
            arguments.add(search.queue().label());
        }
        if (search.status() != null) {
            sql.append(" AND status = ?");
            arguments.add(search.status());
        }
        if (search.symbol() != null) {
            sql.append(" AND (site_symbol = ? OR requester_symbol = ? OR responder_symbol = ?)");
            arguments.add(search.symbol());
            arguments.add(search.symbol());
            arguments.add(search.symbol());
        }
        if (search.reported() != null) {
            sql.append(" AND id IN (SELECT transaction_id FROM apdu_history WHERE apdu_type = ?)");
            arguments.add(search.reported());
        }
        String text = search.text() == null ? "" : search.text().strip();
        if (!text.isEmpty() && identifiersOnly) {
            sql.append(" AND id IN (SELECT id FROM ill_transaction WHERE transaction_qualifier = ?"
                    + " UNION SELECT id FROM ill_transaction WHERE oclc_number = ?)");
            arguments.addAll(List.of(text, text));
        } else if (!text.isEmpty()) {
            String words = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            sql.append(" AND (requester_symbol = ? OR responder_symbol = ?"
                    + " OR LOWER(title) LIKE ? ESCAPE '!' OR LOWER(author) LIKE ? ESCAPE '!' OR LOWER(patron) LIKE ? ESCAPE '!')");
            arguments.addAll(List.of(text.toUpperCase(Locale.ROOT), text.toUpperCase(Locale.ROOT), words, words, words));
        }
    }

    private static IllTransaction transaction(ResultSet rs, int row) throws SQLException {
        return new IllTransaction(
                rs.getLong("id"),
                Role.ofCode(rs.getString("role")),
                rs.getString("site_symbol"),
                new TransactionKey(rs.getString("initial_requester"), rs.getString("group_qualifier"),
                        rs.getString("transaction_qualifier"), rs.getString("sub_qualifier")),
                ProtocolState.valueOf(rs.getString("protocol_state")),
                rs.getString("status"),
                Queue.ofLabel(rs.getString("queue")),
                ManagedBy.ofCode(rs.getString("managed_by")),
                rs.getBoolean("update_in_oclc"),
                rs.getString("requester_symbol"),
                rs.getString("responder_symbol"),
                rs.getString("title"),
                rs.getString("author"),
                rs.getString("need_before"),
                rs.getString("ship_to"),
                rs.getString("maximum_cost"),
                rs.getString("oclc_number"),
                rs.getString("patron"),
                rs.getBoolean("ifm"),
                rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
