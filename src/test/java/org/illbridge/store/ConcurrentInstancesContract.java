package org.illbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.illbridge.codec.ill.view.Citation;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What lets several instances share one database: two transactions, as two instances would run
 * them at the same moment, never claim the same outbox row, never both apply the same APDU, and
 * never overwrite each other's change to one ILL transaction.
 */
abstract class ConcurrentInstancesContract {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private OutboxStore outbox;
    private MessageFileStore messageFile;

    abstract DataSource newDatabase();

    /** Whether several instances can share this database (PostgreSQL); an embedded H2 file serves one. */
    abstract boolean sharedByInstances();

    @BeforeEach
    void setUp() {
        DataSource dataSource = newDatabase();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        outbox = new OutboxStore(jdbc);
        messageFile = new MessageFileStore(jdbc);
    }

    @Test
    void twoChangesWorkedOutFromTheSameReadingDoNotOverwriteEachOther() {
        IllTransaction created = messageFile.create(IllTransaction.open(new Opening(Role.LENDING, "OCL",
                new TransactionKey("", "ZBW", "V-1", ""), "ZBW", "OCL", new Citation("Moby-Dick", null, null, null, null, null),
                null, false, LocalDateTime.of(2026, 11, 28, 12, 0)), Standing.of(ProtocolState.IDLE), ManagedBy.ISO, NOW));
        // what an APDU on one connection and a staff action (or another instance) read at the same moment
        IllTransaction readByOne = messageFile.find(created.id()).orElseThrow();
        IllTransaction readByOther = messageFile.find(created.id()).orElseThrow();

        transactions.executeWithoutResult(tx -> messageFile.update(readByOne.with(Standing.of(ProtocolState.PENDING), NOW)));
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
                messageFile.update(readByOther.with(Standing.of(ProtocolState.NOT_SUPPLIED), NOW.plusSeconds(1)))))
                .isInstanceOf(TransactionChangedException.class).hasMessageContaining("Request " + created.id());

        IllTransaction now = messageFile.find(created.id()).orElseThrow();
        assertThat(now.state()).as("the first change stands").isEqualTo(ProtocolState.PENDING);
        // worked out again from what it is now, the second change is written
        transactions.executeWithoutResult(tx -> messageFile.update(now.with(Standing.of(ProtocolState.NOT_SUPPLIED), NOW)));
        assertThat(messageFile.find(created.id()).orElseThrow().state()).isEqualTo(ProtocolState.NOT_SUPPLIED);
    }

    @Test
    void twoInstancesDrainingAtOnceClaimDifferentRows() throws Exception {
        Assumptions.assumeTrue(sharedByInstances(), "an embedded H2 database serves one instance");
        for (int i = 0; i < 130; i++) {
            outbox.enqueue(null, "OCL", "OCLC", "Message", "{}", NOW);
        }
        CountDownLatch firstHoldsItsClaim = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);

        CompletableFuture<List<OutboxEntry>> first = CompletableFuture.supplyAsync(() -> transactions.<List<OutboxEntry>>execute(tx -> {
            List<OutboxEntry> claimed = outbox.claim();
            firstHoldsItsClaim.countDown();
            await(secondIsDone);
            return claimed;
        }));
        await(firstHoldsItsClaim);
        List<OutboxEntry> second = claim();
        secondIsDone.countDown();

        Set<Long> firstIds = ids(first.get(10, TimeUnit.SECONDS));
        Set<Long> secondIds = ids(second);
        assertThat(firstIds).hasSize(100);
        assertThat(secondIds).hasSize(30).doesNotContainAnyElementsOf(firstIds);
        assertThat(claim()).as("all leased").isEmpty();
    }

    @Test
    void aClaimWhoseLeaseRanOutIsClaimedAgain() {
        outbox.enqueue(null, "OCL", "OCLC", "Message", "{}", NOW);
        assertThat(claim()).hasSize(1);

        assertThat(claim()).as("held by the lease").isEmpty();
        jdbc.update("UPDATE outbox SET next_attempt_at = ?", Timestamp.from(NOW)); // the lease ran out
        assertThat(claim()).hasSize(1);
    }

    @Test
    void anInstanceWhoseLeaseRanOutCanNoLongerRecordItsAttempt() {
        long id = outbox.enqueue(null, "OCL", "OCLC", "Message", "{}", NOW);
        String stale = claim().get(0).claimToken();
        jdbc.update("UPDATE outbox SET next_attempt_at = ?", Timestamp.from(NOW)); // the lease ran out
        String current = claim().get(0).claimToken();

        assertThat(outbox.renew(id, stale, NOW.plusSeconds(3600))).isFalse();
        assertThat(outbox.sent(id, stale, 1, NOW)).isFalse();
        assertThat(outbox.retryLater(id, stale, 1, NOW, "late")).isFalse();
        assertThat(outbox.failed(id, stale, 1, "late")).isFalse();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(outbox.sent(id, current, 1, NOW)).isTrue();
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void theSameApduAppliedByTwoInstancesAtOnceIsAppliedOnce() throws Exception {
        List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    return transactions.<Boolean>execute(tx -> messageFile.markApplied("same-hash", null, NOW));
                } catch (DuplicateKeyException recordedAtTheSameMoment) {
                    // the other instance's insert got there first: this one was not applied
                    return false;
                }
            }));
        }
        start.countDown();

        int applied = 0;
        for (CompletableFuture<Boolean> attempt : attempts) {
            applied += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(applied).isEqualTo(1);
    }

    private List<OutboxEntry> claim() {
        List<OutboxEntry> claimed = transactions.execute(tx -> outbox.claim());
        return claimed;
    }

    private static Set<Long> ids(List<OutboxEntry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
