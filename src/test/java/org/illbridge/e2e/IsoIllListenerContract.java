package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.SampleApdus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole service, started as it runs (Netty listener, Camel routes from routes/, REST, a real
 * database), fed over real sockets and read back through the REST API.
 */
abstract class IsoIllListenerContract extends RunningService {


    @BeforeEach
    void emptyInbox() {
        emptyTables("dead_letter", "inbox");
    }

    @Test
    void storesEveryApduSentBackToBackAndOverParallelConnectionsWithItsExactBytes() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            for (int n = 0; n < 50; n++) {
                byte[] apdu = SampleApdus.numbered(n);
                sent.add(apdu);
                peer.send(apdu);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            byte[] first = SampleApdus.numbered(100 + 2 * c);
            byte[] second = SampleApdus.numbered(101 + 2 * c);
            sent.add(first);
            sent.add(second);
            senders.add(pool.submit(() -> {
                try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
                    peer.send(first).send(second);
                }
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(20)).until(() -> api.json("/api/inbox?limit=1000").size() == 60);

        JsonNode inbox = api.json("/api/inbox?limit=1000");
        Set<String> received = new HashSet<>();
        Set<String> peers = new HashSet<>();
        for (JsonNode entry : inbox) {
            // sample frames are not real APDUs: they are kept, then refused as dead letters
            assertThat(entry.get("status").asString()).isIn("received", "refused");
            byte[] raw = api.bytes("/api/inbox/" + entry.get("id").asLong() + "/raw").body();
            assertThat(entry.get("size").asInt()).isEqualTo(raw.length);
            received.add(hex(raw));
            peers.add(entry.get("peer").asString());
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent.stream().map(IsoIllListenerContract::hex).toList());
        assertThat(peers).as("one peer address per connection").hasSize(6);
    }

    @Test
    void keepsTheOrderOfApdusOnOneConnection() {
        List<String> sent = new ArrayList<>();
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            for (int n = 0; n < 20; n++) {
                byte[] apdu = SampleApdus.numbered(n);
                sent.add(hex(apdu));
                peer.send(apdu);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> api.json("/api/inbox").size() == 20);

        List<String> stored = new ArrayList<>();
        for (JsonNode entry : api.json("/api/inbox")) {
            stored.add(0, hex(api.bytes("/api/inbox/" + entry.get("id").asLong() + "/raw").body()));
        }
        assertThat(stored).containsExactlyElementsOf(sent);
    }

    @Test
    void framesTwoConcurrentConnectionsIndependently() {
        byte[] slow = SampleApdus.numbered(40);
        byte[] quick = SampleApdus.numbered(41);
        try (IsoIllPeer a = IsoIllPeer.connect(listenPort); IsoIllPeer b = IsoIllPeer.connect(listenPort)) {
            a.send(Arrays.copyOfRange(slow, 0, slow.length / 2));
            b.send(quick);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/inbox").size() == 1);
            a.send(Arrays.copyOfRange(slow, slow.length / 2, slow.length));
            await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/inbox").size() == 2);
        }

        JsonNode inbox = api.json("/api/inbox");
        assertThat(api.bytes("/api/inbox/" + inbox.get(1).get("id").asLong() + "/raw").body()).isEqualTo(quick);
        assertThat(api.bytes("/api/inbox/" + inbox.get(0).get("id").asLong() + "/raw").body()).isEqualTo(slow);
    }

    @Test
    void keepsBytesThatCannotBeFramedAndClosesTheConnection() {
        byte[] hostile = {0x61, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(hostile);

            assertThat(peer.closedByListenerWithin(5000)).as("listener closed the connection").isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/inbox").size() == 1);

        JsonNode entry = api.json("/api/inbox").get(0);
        assertThat(entry.get("status").asString()).isEqualTo("unframed");
        assertThat(entry.get("status-detail").asString())
                .isEqualTo("APDU of 2147483653 bytes exceeds the maximum frame size of 1048576 bytes");
        assertThat(api.bytes("/api/inbox/" + entry.get("id").asLong() + "/raw").body()).isEqualTo(hostile);
    }

    @Test
    void servesTheRawBytesAsAnOctetStreamAndSaysWhenAnEntryDoesNotExist() {
        byte[] apdu = SampleApdus.numbered(7);
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(apdu);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/inbox").size() == 1);
        long id = api.json("/api/inbox").get(0).get("id").asLong();

        HttpResponse<byte[]> raw = api.bytes("/api/inbox/" + id + "/raw");
        HttpResponse<String> missing = api.text("/api/inbox/" + (id + 1000) + "/raw");

        assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(raw.body()).isEqualTo(apdu);
        assertThat(api.json("/api/inbox/" + id).get("received-at").asString()).isNotBlank();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no inbox entry " + (id + 1000));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
