package org.illbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units from many threads share commits; a unit that fails — even with an error that spoils a
 * PostgreSQL transaction, a duplicate key — is rolled back alone and its caller gets the error.
 */
class GroupCommitTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void manyCallersShareCommitsAndAFailingUnitRollsBackAlone(String database) throws Exception {
        DataSource dataSource = TestDatabases.migrated("h2".equals(database) ? TestDatabases.newH2Url()
                : TestDatabases.newPostgresUrl());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (GroupCommit commits = new GroupCommit(transactions, 16, "test-writer")) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String hash = i % 10 == 9 ? "same" : "h" + i; // every tenth unit inserts the same key again
                int n = i;
                results.add(callers.submit(() -> {
                    start.await();
                    try {
                        return commits.execute(() -> {
                            jdbc.update("INSERT INTO processed_apdu (apdu_hash, inbox_id, processed_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                                    hash, n);
                            return "stored " + n;
                        });
                    } catch (DuplicateKeyException e) {
                        return "duplicate " + n;
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }

            assertThat(outcomes.stream().filter(o -> o.startsWith("stored"))).hasSize(181);
            assertThat(outcomes.stream().filter(o -> o.startsWith("duplicate"))).hasSize(19);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_apdu", Integer.class))
                    .as("every unit that said stored is in the database, the failed ones are not").isEqualTo(181);
        } finally {
            callers.shutdownNow();
        }
    }
}
