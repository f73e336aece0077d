package org.illbridge.camel.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illbridge.support.SampleApdus.concat;
import static org.illbridge.support.SampleApdus.indefinite;
import static org.illbridge.support.SampleApdus.tlv;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.illbridge.support.SampleApdus;
import org.junit.jupiter.api.Test;

class BerFrameDecoderTest {

    private static final int MAX_FRAME = 4096;

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new BerFrameDecoder(MAX_FRAME, 8, Duration.ofMinutes(5)));

    @Test
    void framesAShortFormDefiniteLengthApdu() {
        byte[] apdu = tlv(0x61, tlv(0x02, new byte[] {5}));

        assertThat(framesOf(apdu)).containsExactly(apdu);
    }

    @Test
    void framesLongFormLengthsOfOneTwoAndThreeOctets() {
        for (int size : new int[] {128, 255, 256, 4000}) {
            byte[] apdu = tlv(0x62, tlv(0x04, new byte[size - 4]));

            assertThat(framesOf(apdu)).as("content of %d bytes", size).containsExactly(apdu);
        }
        byte[] threeOctets = {0x63, (byte) 0x83, 0x00, 0x00, 0x03, 0x01, 0x02, 0x03};
        assertThat(framesOf(threeOctets)).containsExactly(threeOctets);
    }

    @Test
    void framesAnIndefiniteLengthApdu() {
        byte[] apdu = indefinite(0x61, tlv(0x02, new byte[] {1}), tlv(0x04, "title".getBytes()));

        assertThat(framesOf(apdu)).containsExactly(apdu);
    }

    @Test
    void framesNestedIndefiniteLengths() {
        byte[] apdu = indefinite(0x61,
                indefinite(0x30, indefinite(0xA1, tlv(0x02, new byte[] {1})), tlv(0x04, new byte[] {9})),
                tlv(0x01, new byte[] {(byte) 0xFF}));

        assertThat(framesOf(apdu)).containsExactly(apdu);
    }

    @Test
    void doesNotMistakeZeroBytesInsideADefiniteElementForEndOfContents() {
        byte[] apdu = indefinite(0x61, tlv(0x04, new byte[] {0, 0, 0, 0}), tlv(0x30, new byte[] {0x05, 0x00}));

        assertThat(framesOf(apdu)).containsExactly(apdu);
    }

    @Test
    void framesHighTagNumbers() {
        // [APPLICATION 200] constructed: 0x7F 0x81 0x48, and a context tag [49] inside
        byte[] apdu = concat(new byte[] {0x7F, (byte) 0x81, 0x48}, new byte[] {0x05},
                new byte[] {(byte) 0xBF, 0x31, 0x02, 0x05, 0x00});

        assertThat(framesOf(apdu)).containsExactly(apdu);
    }

    @Test
    void framesEveryLengthFormDeliveredOneByteAtATime() {
        List<byte[]> apdus = List.of(
                tlv(0x61, tlv(0x02, new byte[] {5})),
                tlv(0x62, new byte[300]),
                indefinite(0x63, indefinite(0x30, tlv(0x04, new byte[] {0, 0})), tlv(0x02, new byte[] {7})));
        byte[] stream = concat(apdus.toArray(byte[][]::new));

        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertThat(completeFrames()).containsExactlyElementsOf(apdus);
    }

    @Test
    void framesManyApdusBackToBackInOneSegment() {
        List<byte[]> apdus = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            apdus.add(SampleApdus.numbered(n));
        }

        channel.writeInbound(Unpooled.wrappedBuffer(concat(apdus.toArray(byte[][]::new))));

        assertThat(completeFrames()).containsExactlyElementsOf(apdus);
    }

    @Test
    void framesAnApduSplitAcrossSegmentsAtEveryPoint() {
        byte[] apdu = indefinite(0x61, tlv(0x04, new byte[200]), tlv(0x02, new byte[] {1}));
        for (int split = 1; split < apdu.length; split++) {
            EmbeddedChannel fresh = new EmbeddedChannel(new BerFrameDecoder(MAX_FRAME, 8, Duration.ofMinutes(5)));
            fresh.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(apdu, 0, split)));
            assertThat((Object) fresh.readInbound()).as("after %d bytes", split).isNull();
            fresh.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(apdu, split, apdu.length)));
            InboundFrame frame = fresh.readInbound();
            assertThat(frame.bytes()).as("split at %d", split).isEqualTo(apdu);
        }
    }

    @Test
    void closesTheConnectionOnADefiniteLengthBeyondTheMaximumAndKeepsWhatArrived() {
        byte[] header = {0x61, (byte) 0x82, 0x10, 0x00, 0x04, 0x01};

        channel.writeInbound(Unpooled.wrappedBuffer(header));
        channel.runPendingTasks();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.isComplete()).isFalse();
        assertThat(refused.framingError()).isEqualTo("APDU of 4100 bytes exceeds the maximum frame size of 4096 bytes");
        assertThat(refused.bytes()).isEqualTo(header);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesTheConnectionWhenAnIndefiniteLengthApduGrowsBeyondTheMaximum() {
        byte[][] elements = new byte[20][];
        Arrays.fill(elements, tlv(0x04, new byte[250]));

        channel.writeInbound(Unpooled.wrappedBuffer(indefinite(0x61, elements)));
        channel.runPendingTasks();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.framingError()).contains("exceeds the maximum frame size of 4096 bytes");
        assertThat(refused.bytes().length).isLessThanOrEqualTo(MAX_FRAME);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void passesOnTheFramesBeforeAnUnframableStreamThenTheRefusal() {
        byte[] good = tlv(0x61, new byte[] {0x02, 0x01, 0x01});
        byte[] bad = {0x62, (byte) 0x85, 1, 1, 1, 1, 1};

        channel.writeInbound(Unpooled.wrappedBuffer(concat(good, bad)));
        channel.runPendingTasks();

        InboundFrame first = channel.readInbound();
        InboundFrame second = channel.readInbound();
        assertThat(first.bytes()).isEqualTo(good);
        assertThat(second.framingError()).isEqualTo("length at offset 0 has 5 octets; at most 4 are accepted");
        assertThat(second.bytes()).isEqualTo(bad);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void refusesAPrimitiveElementWithIndefiniteLength() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x61, (byte) 0x80, 0x04, (byte) 0x80, 0x01}));
        channel.runPendingTasks();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.framingError()).isEqualTo("primitive element at offset 2 has an indefinite length");
    }

    @Test
    void refusesIndefiniteLengthsNestedBeyondTheLimit() {
        byte[] deep = new byte[2 * 9];
        for (int i = 0; i < 9; i++) {
            deep[2 * i] = 0x30;
            deep[2 * i + 1] = (byte) 0x80;
        }

        channel.writeInbound(Unpooled.wrappedBuffer(deep));
        channel.runPendingTasks();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.framingError()).isEqualTo("indefinite-length elements nested deeper than 8 at offset 16");
    }

    @Test
    void keepsEverythingAfterARefusalInTheRefusedBytesAndFramesNoMore() {
        byte[] stream = concat(new byte[] {0x00, 0x00}, tlv(0x61, new byte[] {0x02, 0x01, 0x01}));

        channel.writeInbound(Unpooled.wrappedBuffer(stream));
        channel.runPendingTasks();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.framingError()).startsWith("an APDU cannot start with end-of-contents octets");
        assertThat(refused.bytes()).isEqualTo(stream);
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void keepsThePartialApduWhenThePeerClosesMidway() {
        byte[] partial = {0x61, 0x10, 0x02, 0x01};

        channel.writeInbound(Unpooled.wrappedBuffer(partial));
        channel.finish();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.framingError()).isEqualTo("connection closed after 4 bytes of an incomplete APDU");
        assertThat(refused.bytes()).isEqualTo(partial);
    }

    @Test
    void closesAnIdleConnection() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

        assertThat(channel.isOpen()).isFalse();
    }

    private List<byte[]> framesOf(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        return completeFrames();
    }

    private List<byte[]> completeFrames() {
        List<byte[]> frames = new ArrayList<>();
        for (InboundFrame frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            assertThat(frame.framingError()).isNull();
            frames.add(frame.bytes());
        }
        return frames;
    }
}
