package org.illbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A frame is in the spool whole or not at all, and comes back out exactly as it went in. */
class InboxSpoolTest {

    @TempDir
    Path directory;

    @Test
    void aSpooledFrameComesBackWithItsBytesAndWhereAndWhenItArrived() throws Exception {
        InboxSpool spool = new InboxSpool(directory);
        ReceivedBytes frame = new ReceivedBytes(new byte[] {0x61, 0x03, 0x02, 0x01, 0x05}, "192.0.2.7:4000", "127.0.0.1:1611",
                Instant.parse("2026-11-29T12:00:00.123456Z"), InboxStatus.UNFRAMED, "connection closed mid-APDU");

        Path file = spool.spool(frame);

        assertThat(spool.pending()).containsExactly(file);
        ReceivedBytes back = spool.read(file);
        assertThat(back.bytes()).isEqualTo(frame.bytes());
        assertThat(back).usingRecursiveComparison().ignoringFields("bytes").isEqualTo(frame);
        spool.remove(file);
        assertThat(spool.pending()).isEmpty();
    }

    @Test
    void aFrameCutOffWhileItWasWrittenIsNotInTheSpool() throws Exception {
        Files.write(directory.resolve("1795957507609-000011.frame.tmp"), new byte[] {0, 0, 0, 9, 1, 2});

        assertThat(new InboxSpool(directory).pending()).isEmpty();
    }

    @Test
    void framesSpooledByAnEarlierVersionAreReadToo() throws Exception {
        Files.write(directory.resolve("1795957501769-000008.ber"), new byte[] {0x61, 0x00});
        Files.writeString(directory.resolve("1795957501769-000008.properties"), """
                peer=192.0.2.7\\:4000
                listener=0.0.0.0\\:1611
                received-at=2026-11-29T12:00:00Z
                status=received
                """, StandardCharsets.UTF_8);
        Files.write(directory.resolve("1795957501770-000009.ber"), new byte[] {0x61, 0x00}); // its .properties never written

        InboxSpool spool = new InboxSpool(directory);

        assertThat(spool.pending()).hasSize(1);
        assertThat(spool.read(spool.pending().get(0)).peer()).isEqualTo("192.0.2.7:4000");
    }
}
