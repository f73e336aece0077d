package org.illbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a received frame is kept: in the inbox while the database answers in time; in the spool,
 * at once, while it does not — a database that hangs as well as one that refuses — and in the
 * inbox again once it answers.
 */
class InboxIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final AtomicBoolean hanging = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private final Path spoolDirectory = Path.of("target", "intake-" + UUID.randomUUID());
    private final InboxSpool spool = new InboxSpool(spoolDirectory);
    private InboxBatcher batcher;
    private InboxStore inbox;
    private InboxIntake intake;

    private void start() {
        DataSource database = new DelegatingDataSource(TestDatabases.migrated(TestDatabases.newH2Url())) {
            @Override
            public Connection getConnection() throws SQLException {
                if (down.get()) {
                    throw new SQLException("connection refused", "08001");
                }
                while (hanging.get()) {
                    Thread.onSpinWait();
                }
                return super.getConnection();
            }
        };
        JdbcTemplate jdbc = new JdbcTemplate(database);
        inbox = new InboxStore(jdbc);
        batcher = new InboxBatcher(inbox, new TransactionTemplate(new DataSourceTransactionManager(database)), 256);
        intake = new InboxIntake(batcher, spool, jdbc, Duration.ofMillis(300));
    }

    @AfterEach
    void stop() throws InterruptedException {
        hanging.set(false);
        batcher.close();
    }

    @Test
    void aFrameGoesToTheInboxWhileTheDatabaseAnswers() throws Exception {
        start();

        InboxIntake.Kept kept = intake.keep(frame());

        assertThat(kept.inInbox()).isTrue();
        assertThat(inbox.rawBytes(kept.inboxId())).hasValue(frame().bytes());
        assertThat(spool.pending()).isEmpty();
    }

    @Test
    void aDatabaseThatHangsSendsFramesToTheSpoolAfterTheWriteTimeoutThenAtOnce() throws Exception {
        start();
        hanging.set(true);

        long first = System.nanoTime();
        assertThat(intake.keep(frame()).inInbox()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - first)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        long second = System.nanoTime();
        assertThat(intake.keep(frame()).inInbox()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - second)).as("no second wait").isLessThan(Duration.ofMillis(200));

        assertThat(spool.pending()).hasSize(2);
        assertThat(intake.isDatabaseAway()).isTrue();
    }

    @Test
    void aDatabaseThatRefusesSendsFramesToTheSpoolUntilItAnswersAgain() throws Exception {
        start();
        down.set(true);

        assertThat(intake.keep(frame()).inInbox()).isFalse();
        assertThat(intake.probe()).isFalse();
        down.set(false);
        assertThat(intake.probe()).isTrue();

        assertThat(intake.keep(frame()).inInbox()).isTrue();
        assertThat(spool.pending()).hasSize(1);
    }

    @Test
    void aSpooledFrameMovedTwiceIsOneInboxEntry() throws Exception {
        start();
        ReceivedBytes frame = frame();

        InboxStore.Stored first = inbox.storeOnce(frame);
        InboxStore.Stored again = inbox.storeOnce(frame);

        assertThat(first.isNew()).isTrue();
        assertThat(again).isEqualTo(new InboxStore.Stored(first.id(), false));
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void framesHandedInWhileABatchIsWrittenAreAllStoredEachWithItsOwnId() throws Exception {
        start();
        hanging.set(true);
        List<CompletableFuture<Long>> pending = IntStream.range(0, 50).mapToObj(i -> batcher.submit(frame())).toList();
        hanging.set(false);

        assertThat(pending.stream().map(CompletableFuture::join).distinct()).hasSize(50);
        assertThat(inbox.count()).isEqualTo(50);
    }

    private static ReceivedBytes frame() {
        return new ReceivedBytes(new byte[] {0x61, 0x03, 0x02, 0x01, 0x02}, "192.0.2.7:4000", "127.0.0.1:1611", NOW,
                InboxStatus.RECEIVED, null);
    }
}
