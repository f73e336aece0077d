package org.illbridge.camel.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.illbridge.support.SampleApdus.tlv;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What one connection, and all of them together, may hold: each limit closes or pauses the connection that reaches it. */
class FramingLimitsTest {

    private static final int MAX_FRAME = 1 << 20;

    @Test
    void anApduNotFinishedInTimeClosesTheConnectionAndKeepsWhatCame() throws Exception {
        EmbeddedChannel channel = channel(limits(Duration.ofMillis(50), 64, new InFlightFrames.Budget(Long.MAX_VALUE),
                new FramingLimits.UnfinishedBytes(Long.MAX_VALUE)));

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x61, 0x10, 0x02, 0x01}));
        TimeUnit.MILLISECONDS.sleep(100);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();

        InboundFrame refused = channel.readInbound();
        assertThat(refused.framingError()).isEqualTo("an APDU begun was not finished within 50 ms");
        assertThat(refused.bytes()).containsExactly(0x61, 0x10, 0x02, 0x01);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aConnectionThatWouldTakeMoreThanTheSharedBudgetOfUnfinishedBytesIsClosed() {
        FramingLimits.UnfinishedBytes budget = new FramingLimits.UnfinishedBytes(100 * 1024);
        FramingLimits limits = limits(null, 64, new InFlightFrames.Budget(Long.MAX_VALUE), budget);
        EmbeddedChannel first = channel(limits);
        EmbeddedChannel second = channel(limits);

        first.writeInbound(Unpooled.wrappedBuffer(unfinished(60 * 1024)));
        second.writeInbound(Unpooled.wrappedBuffer(unfinished(70 * 1024)));
        second.runPendingTasks();

        assertThat((Object) first.readInbound()).as("within the budget: still buffering").isNull();
        assertThat(first.isOpen()).isTrue();
        InboundFrame refused = second.readInbound();
        assertThat(refused.framingError()).contains("all connections together hold more unfinished APDU bytes than allowed");
        assertThat(refused.framingError()).contains("(the first 65536 of 71685 bytes are kept; SHA-256 of all of them ");
        assertThat(refused.bytes()).hasSize(64 * 1024);
        assertThat(second.isOpen()).isFalse();
        assertThat(budget.held()).as("the closed connection's bytes are given back").isEqualTo(60 * 1024 + 5);
    }

    @Test
    void aConnectionWithTooManyFramesNotYetKeptIsNotReadUntilTheyAre() {
        EmbeddedChannel channel = channel(limits(null, 2, new InFlightFrames.Budget(Long.MAX_VALUE),
                new FramingLimits.UnfinishedBytes(Long.MAX_VALUE)));
        byte[] apdu = tlv(0x61, tlv(0x02, new byte[] {1}));

        channel.writeInbound(Unpooled.wrappedBuffer(apdu));
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.writeInbound(Unpooled.wrappedBuffer(apdu));
        assertThat(channel.config().isAutoRead()).as("two frames in flight").isFalse();

        InFlightFrames.kept(channel, apdu.length);
        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).as("one kept").isTrue();
    }

    @Test
    void allConnectionsTogetherPauseAtTheBudgetOfBytesInFlight() {
        InFlightFrames.Budget budget = new InFlightFrames.Budget(10);
        FramingLimits limits = limits(null, 64, budget, new FramingLimits.UnfinishedBytes(Long.MAX_VALUE));
        EmbeddedChannel first = channel(limits);
        EmbeddedChannel second = channel(limits);
        byte[] apdu = tlv(0x61, tlv(0x04, new byte[4]));

        first.writeInbound(Unpooled.wrappedBuffer(apdu));
        second.writeInbound(Unpooled.wrappedBuffer(apdu));
        assertThat(second.config().isAutoRead()).as("over the shared budget").isFalse();

        InFlightFrames.kept(first, apdu.length);
        first.runPendingTasks();
        second.runPendingTasks();
        assertThat(second.config().isAutoRead()).as("room again").isTrue();
    }

    private static FramingLimits limits(Duration frameTimeout, int framesInFlight, InFlightFrames.Budget inFlight,
                                        FramingLimits.UnfinishedBytes unfinished) {
        return new FramingLimits(MAX_FRAME, 8, Duration.ofMinutes(5), frameTimeout, framesInFlight, inFlight, unfinished);
    }

    private static EmbeddedChannel channel(FramingLimits limits) {
        return new EmbeddedChannel(new BerFrameDecoder(limits));
    }

    /** The start of an APDU announcing 1 MB, with {@code bytes} of its content. */
    private static byte[] unfinished(int bytes) {
        byte[] start = new byte[5 + bytes];
        start[0] = 0x61;
        start[1] = (byte) 0x83;
        start[2] = 0x0F;
        start[3] = 0x00;
        start[4] = 0x00;
        return start;
    }
}
