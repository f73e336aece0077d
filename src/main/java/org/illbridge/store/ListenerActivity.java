package org.illbridge.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which listeners each open transaction last heard from: those its latest received APDU came in on
 * (the copy applied, and the same bytes recorded again as duplicates when a partner sends to two
 * addresses). During a change of server address this says whether the old address still matters:
 * a transaction whose latest APDU reached us only there may be written to there again.
 */
public final class ListenerActivity {

    /** Requests in these states, or expired, expect nothing more. */
    private static final String OPEN = "t.protocol_state NOT IN ('CHECKED_IN', 'CANCELLED', 'NOT_SUPPLIED', 'LOST')"
            + " AND t.queue <> 'Expired'";
    /** The latest received APDU of each open transaction (its applied copy), and every listener it came in on. */
    private static final String LAST_HEARD = " FROM ill_transaction t"
            + " JOIN apdu_history h ON h.id = (SELECT MAX(x.id) FROM apdu_history x JOIN inbox xi ON xi.id = x.inbox_id"
            + " WHERE x.transaction_id = t.id AND x.direction = 'in' AND xi.status <> 'duplicate')"
            + " JOIN apdu_history s ON s.transaction_id = t.id AND s.direction = 'in' AND s.id >= h.id"
            + " AND s.raw_bytes = h.raw_bytes"
            + " JOIN inbox i ON i.id = s.inbox_id"
            + " WHERE " + OPEN;
    private static final String HEARD_ONLY_ON_ONE = " GROUP BY t.id, t.site_symbol HAVING COUNT(DISTINCT i.listener) = 1";

    /**
     * @param openTransactions open transactions of {@code site} whose latest APDU came in on {@code listener}
     * @param onlyHere those of them it came in on no other listener
     */
    public record Heard(String site, String listener, long openTransactions, long onlyHere, Instant lastHeardAt) {
    }

    /** An open transaction, by the identifiers staff know it by. */
    public record OpenTransaction(long id, String role, String qualifier, String partner, Instant lastHeardAt) {
    }

    private final JdbcTemplate jdbc;

    public ListenerActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For every site and listener: the open transactions that last heard from it, and from it alone. */
    public List<Heard> heard() {
        List<Heard> heard = jdbc.query("SELECT t.site_symbol, i.listener, COUNT(DISTINCT t.id), MAX(s.at)" + LAST_HEARD
                        + " GROUP BY t.site_symbol, i.listener ORDER BY t.site_symbol, i.listener",
                (rs, n) -> new Heard(rs.getString(1), rs.getString(2), rs.getLong(3), 0, instant(rs.getTimestamp(4))));
        List<Heard> alone = jdbc.query("SELECT site, listener, COUNT(*) FROM (SELECT t.site_symbol AS site,"
                        + " MIN(i.listener) AS listener" + LAST_HEARD + HEARD_ONLY_ON_ONE + ") x GROUP BY site, listener",
                (rs, n) -> new Heard(rs.getString(1), rs.getString(2), 0, rs.getLong(3), null));
        return heard.stream().map(h -> new Heard(h.site(), h.listener(), h.openTransactions(), alone.stream()
                .filter(a -> a.site().equals(h.site()) && a.listener().equals(h.listener()))
                .mapToLong(Heard::onlyHere).sum(), h.lastHeardAt())).toList();
    }

    /** The open transactions of {@code site} whose latest APDU came in on {@code listener} alone, latest first. */
    public List<OpenTransaction> heardOnlyOn(String site, String listener, int limit) {
        return jdbc.query("SELECT t.id, MIN(t.role), MIN(t.transaction_qualifier),"
                        + " MIN(CASE WHEN t.role = 'lending' THEN t.requester_symbol ELSE t.responder_symbol END), MAX(s.at)"
                        + LAST_HEARD + " AND t.site_symbol = ?" + HEARD_ONLY_ON_ONE + " AND MIN(i.listener) = ?"
                        + " ORDER BY MAX(s.at) DESC FETCH FIRST ? ROWS ONLY",
                (rs, n) -> new OpenTransaction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5))), site, listener, limit);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
