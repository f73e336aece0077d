package org.illbridge.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes nobody waits for — an APDU's history row, its inbox entry's status, the mark that it was
 * applied — held back while a connection's batch of APDUs is applied, and sent just before that
 * database transaction commits, each kind as one JDBC batch: one round trip for the batch instead
 * of one per APDU. Only a transaction that asks for it ({@link #holdUntilCommit}) holds writes
 * back; elsewhere they run at once. A store that reads what such writes write calls {@link #flush}
 * first.
 */
public final class DeferredWrites {

    /** Sets a held-back statement's parameters. */
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private record Key(DataSource dataSource) {
    }

    /** The rows of one statement held back, and, when each must change exactly one row, what it means if one does not. */
    private record Kind(String unlessOneRow, List<Parameters> rows) {
    }

    /** The statements held back in one transaction, by SQL, in the order they came. */
    private static final class Held implements TransactionSynchronization {
        private final JdbcTemplate jdbc;
        private final Map<String, Kind> statements = new LinkedHashMap<>();

        Held(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** A flush that fails keeps what it held: every later flush, the commit's among them, fails the same way. */
        @Override
        public void flush() {
            for (Map.Entry<String, Kind> kind : statements.entrySet()) {
                List<Parameters> rows = kind.getValue().rows();
                int[] changed = jdbc.batchUpdate(kind.getKey(), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        rows.get(i).set(statement);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
                if (kind.getValue().unlessOneRow() != null) {
                    requireOneRowEach(changed, kind.getValue().unlessOneRow());
                }
            }
            statements.clear();
        }

        /** A driver that does not say (SUCCESS_NO_INFO) fails the check too: the caller then does the work one by one. */
        private static void requireOneRowEach(int[] changed, String unlessOneRow) {
            for (int rows : changed) {
                if (rows != 1) {
                    throw new IncorrectUpdateSemanticsDataAccessException(unlessOneRow);
                }
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(new Key(jdbc.getDataSource()));
        }
    }

    private DeferredWrites() {
    }

    /** From now until the current transaction commits, writes through {@link #write} are held back and sent together. */
    public static void holdUntilCommit(JdbcTemplate jdbc) {
        Key key = new Key(jdbc.getDataSource());
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        Held held = new Held(jdbc);
        TransactionSynchronizationManager.bindResource(key, held);
        TransactionSynchronizationManager.registerSynchronization(held);
    }

    /** Runs the statement now, or, in a transaction that holds writes back, before it commits. */
    public static void write(JdbcTemplate jdbc, String sql, Parameters parameters) {
        Held held = held(jdbc);
        if (held == null) {
            jdbc.update(sql, parameters::set);
            return;
        }
        hold(held, sql, null, parameters);
    }

    /**
     * A write that must change exactly one row. Run now, it answers whether it did; held back, it
     * answers true, and if it then changes none, the flush fails
     * ({@link IncorrectUpdateSemanticsDataAccessException}, saying {@code unlessOneRow}) and so does
     * the transaction's commit — the caller of a batch does its units again one by one, where the
     * answer is given at once.
     */
    public static boolean writeOne(JdbcTemplate jdbc, String sql, String unlessOneRow, Parameters parameters) {
        Held held = held(jdbc);
        if (held == null) {
            return jdbc.update(sql, parameters::set) == 1;
        }
        hold(held, sql, unlessOneRow, parameters);
        return true;
    }

    private static Held held(JdbcTemplate jdbc) {
        return (Held) TransactionSynchronizationManager.getResource(new Key(jdbc.getDataSource()));
    }

    private static void hold(Held held, String sql, String unlessOneRow, Parameters parameters) {
        held.statements.computeIfAbsent(sql, k -> new Kind(unlessOneRow, new ArrayList<>())).rows().add(parameters);
    }

    /** Sends what the current transaction holds back: a reader of the tables it writes calls this first. */
    public static void flush(JdbcTemplate jdbc) {
        Held held = held(jdbc);
        if (held != null) {
            held.flush();
        }
    }
}
