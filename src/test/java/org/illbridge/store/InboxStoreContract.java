package org.illbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the inbox must do on every database the service supports. */
abstract class InboxStoreContract {

    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00.123456Z");

    private InboxStore inbox;

    /** A migrated, empty database. */
    abstract JdbcTemplate newDatabase();

    @BeforeEach
    void setUp() {
        inbox = new InboxStore(newDatabase());
    }

    @Test
    void keepsTheExactBytesPeerListenerAndTime() {
        byte[] apdu = {0x61, 0x05, 0x04, 0x03, 0x00, (byte) 0xFF, (byte) 0x80};

        long id = inbox.store(new ReceivedBytes(apdu, "10.0.0.9:40000", "0.0.0.0:1611", NOON, InboxStatus.RECEIVED, null));

        assertThat(inbox.rawBytes(id)).hasValue(apdu);
        assertThat(inbox.find(id)).hasValueSatisfying(entry -> {
            assertThat(entry.peer()).isEqualTo("10.0.0.9:40000");
            assertThat(entry.listener()).isEqualTo("0.0.0.0:1611");
            assertThat(entry.receivedAt()).isEqualTo(NOON);
            assertThat(entry.size()).isEqualTo(apdu.length);
            assertThat(entry.status()).isEqualTo("received");
            assertThat(entry.statusDetail()).isNull();
        });
    }

    @Test
    void keepsAFrameOfTheMaximumSizeByteForByte() {
        byte[] apdu = new byte[1024 * 1024];
        new Random(42).nextBytes(apdu);

        long id = inbox.store(received(apdu, NOON));

        assertThat(inbox.rawBytes(id)).hasValue(apdu);
    }

    @Test
    void recordsWhyBytesCouldNotBeFramed() {
        long id = inbox.store(new ReceivedBytes(new byte[] {0x61, 0x10}, "peer:1", "0.0.0.0:1611", NOON,
                InboxStatus.UNFRAMED, "connection closed after 2 bytes of an incomplete APDU"));

        assertThat(inbox.find(id)).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo("unframed");
            assertThat(entry.statusDetail()).isEqualTo("connection closed after 2 bytes of an incomplete APDU");
        });
    }

    @Test
    void listsNewestFirstAndPagesBackwards() {
        for (int i = 0; i < 5; i++) {
            inbox.store(received(new byte[] {0x61, 0x01, (byte) i}, NOON.plus(i, ChronoUnit.SECONDS)));
        }

        List<InboxEntry> firstPage = inbox.newest(3, null);
        List<InboxEntry> secondPage = inbox.newest(3, firstPage.get(2).id());

        assertThat(firstPage).extracting(InboxEntry::receivedAt)
                .containsExactly(NOON.plusSeconds(4), NOON.plusSeconds(3), NOON.plusSeconds(2));
        assertThat(secondPage).extracting(InboxEntry::receivedAt)
                .containsExactly(NOON.plusSeconds(1), NOON);
        assertThat(inbox.count()).isEqualTo(5);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(inbox.find(999)).isEmpty();
        assertThat(inbox.rawBytes(999)).isEmpty();
    }

    private static ReceivedBytes received(byte[] bytes, Instant at) {
        return new ReceivedBytes(bytes, "127.0.0.1:5000", "0.0.0.0:1611", at, InboxStatus.RECEIVED, null);
    }
}
