package org.illbridge.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes nobody waits for — an APDU's history row, its inbox entry's status — held back while a
 * connection's batch of APDUs is applied, and sent just before that database transaction commits,
 * each kind as one JDBC batch: one round trip for the batch instead of one per APDU. Only a
 * transaction that asks for it ({@link #holdUntilCommit}) holds writes back; elsewhere they run at
 * once. A store that reads what such writes write calls {@link #flush} first.
 */
public final class DeferredWrites {

    /** Sets a held-back statement's parameters. */
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private record Key(DataSource dataSource) {
    }

    /** The statements held back in one transaction, by SQL, in the order they came. */
    private static final class Held implements TransactionSynchronization {
        private final JdbcTemplate jdbc;
        private final Map<String, List<Parameters>> statements = new LinkedHashMap<>();

        Held(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void flush() {
            for (Map.Entry<String, List<Parameters>> kind : statements.entrySet()) {
                List<Parameters> rows = kind.getValue();
                jdbc.batchUpdate(kind.getKey(), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        rows.get(i).set(statement);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
            }
            statements.clear();
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
        Held held = (Held) TransactionSynchronizationManager.getResource(new Key(jdbc.getDataSource()));
        if (held == null) {
            jdbc.update(sql, parameters::set);
            return;
        }
        held.statements.computeIfAbsent(sql, k -> new ArrayList<>()).add(parameters);
    }

    /** Sends what the current transaction holds back: a reader of the tables it writes calls this first. */
    public static void flush(JdbcTemplate jdbc) {
        Held held = (Held) TransactionSynchronizationManager.getResource(new Key(jdbc.getDataSource()));
        if (held != null) {
            held.flush();
        }
    }
}
