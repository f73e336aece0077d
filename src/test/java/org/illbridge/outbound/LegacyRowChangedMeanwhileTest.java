package org.illbridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.config.OutboundProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.inbound.IdentifiedApdu;
import org.illbridge.inbound.InboundOutcome;
import org.illbridge.inbound.InboundService;
import org.illbridge.inbound.ReceivedApdu;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxEntry;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.ReceivedBytes;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row a legacy system wrote into the outbox names a request that another writer (an APDU
 * arriving, a staff action, another instance) changes between the row's check reading the request
 * and writing its new state: the row is checked again at once, not failed and retried minutes later.
 * Real stores on a real H2 database; the other writer is a committed update on a connection of its
 * own, made at that worst moment.
 */
class LegacyRowChangedMeanwhileTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String SHIPPED = """
            {"Shipped": {"protocol-version-num": 2,
              "transaction-id": {"transaction-group-qualifier": "ZBW", "transaction-qualifier": "R-0001"},
              "service-date-time": {"date-time-of-this-service": {"date": "20261203"}},
              "shipped-service-type": "loan", "supply-details": {"date-shipped": "20261203"}}}""";

    private DataSource database;
    private JdbcTemplate jdbc;
    private MessageFileStore messageFile;
    private OutboxStore outbox;
    private InboundService inbound;
    private InboxStore inbox;
    private ProfileRegistry profiles;

    @BeforeEach
    void setUp() throws IOException {
        database = TestDatabases.migrated(TestDatabases.newH2Url());
        jdbc = new JdbcTemplate(database);
        messageFile = new MessageFileStore(jdbc);
        outbox = new OutboxStore(jdbc);
        inbox = new InboxStore(jdbc);
        Path file = Path.of("target", "legacy-row-" + UUID.randomUUID() + ".yaml");
        Files.writeString(file, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      peers:
                        - {symbol: ZBW, address: "192.0.2.7:1611", interaction: separate-connection}
                """);
        profiles = new ProfileRegistry(file);
        profiles.reload();
        inbound = new InboundService(new IllCodec(), profiles, messageFile, inbox, outbox, new DeadLetterStore(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(database)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aLegacyRowWhoseRequestChangedWhileItWasCheckedIsCheckedAgainAndGoesOut() throws Exception {
        long request = receivedRequest();
        jdbc.update("INSERT INTO outbox (transaction_id, site_symbol, peer_symbol, apdu_json) VALUES (?, ?, ?, ?)",
                request, "OCL", "ZBW", SHIPPED);
        OutboxEntry entry = outbox.claim().get(0);
        AtomicBoolean changed = new AtomicBoolean();
        DataSource otherWriterAtTheWorstMoment = new ChangingBeforeUpdate(database, "UPDATE ill_transaction", () -> {
            changed.set(true);
            new JdbcTemplate(database).update("UPDATE ill_transaction SET version = version + 1 WHERE id = ?", request);
        });

        Delivery delivery = deliveries(otherWriterAtTheWorstMoment).prepare(entry);

        assertThat(changed).as("the request was changed between the check's read and its write").isTrue();
        assertThat(delivery.entry().id()).isEqualTo(entry.id());
        assertThat(messageFile.find(request).orElseThrow().status()).isEqualTo("Shipped");
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE id = ?", Integer.class, entry.id()))
                .as("no attempt counted as failed").isZero();
    }

    private OutboxDeliveries deliveries(DataSource source) {
        return new OutboxDeliveries(new OutboxStore(new JdbcTemplate(source)), new MessageFileStore(new JdbcTemplate(source)),
                new DeadLetterStore(new JdbcTemplate(source)), null, profiles, new IllCodec(),
                new TransactionTemplate(new DataSourceTransactionManager(source)),
                new OutboundProperties(Duration.ofSeconds(1), List.of(Duration.ofMinutes(5)), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofMinutes(2)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private long receivedRequest() {
        byte[] bytes = YazVectors.read("01-ill-request-minimal");
        long id = inbox.store(new ReceivedBytes(bytes, "192.0.2.7:4000", "127.0.0.1:1611", NOW, InboxStatus.RECEIVED, null));
        IdentifiedApdu request = (IdentifiedApdu) inbound.identify(new ReceivedApdu(id, bytes, "192.0.2.7:4000"));
        return ((InboundOutcome.Applied) inbound.apply(request)).transactionId();
    }

    /** Runs {@code meanwhile} once, just before the first statement starting with {@code sql} is prepared. */
    private static final class ChangingBeforeUpdate extends DelegatingDataSource {

        private final String sql;
        private final Runnable meanwhile;
        private final AtomicBoolean done = new AtomicBoolean();

        ChangingBeforeUpdate(DataSource target, String sql, Runnable meanwhile) {
            super(target);
            this.sql = sql;
            this.meanwhile = meanwhile;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith(sql)
                                && done.compareAndSet(false, true)) {
                            meanwhile.run();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
