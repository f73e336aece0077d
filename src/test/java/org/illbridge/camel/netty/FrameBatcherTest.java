package org.illbridge.camel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBatcherTest {

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new BerFrameDecoder(4096, 8, Duration.ofMinutes(5)), new FrameBatcher(3));

    @Test
    void theApdusOfOneReadGoOnTogetherInTheOrderTheyCame() {
        channel.writeInbound(Unpooled.wrappedBuffer(join(apdu(1), apdu(2))));

        assertThat(batches()).containsExactly(List.of(1, 2));
    }

    @Test
    void anApduThatCameAloneGoesOnAtOnceAndWhatIsReadWhileItIsInTheRouteGoesOnTogetherOnceItIsDone() {
        channel.writeInbound(Unpooled.wrappedBuffer(apdu(1)));
        assertThat(batches()).containsExactly(List.of(1));

        channel.writeInbound(Unpooled.wrappedBuffer(apdu(2)));
        channel.writeInbound(Unpooled.wrappedBuffer(apdu(3)));
        assertThat(batches()).as("held while the first batch is in the route").isEmpty();

        routeDone();
        assertThat(batches()).containsExactly(List.of(2, 3));
    }

    @Test
    void aReadOfMoreApdusThanABatchHoldsGoesOnInBatchesOfAtMostThatManyOneAtATime() {
        channel.writeInbound(Unpooled.wrappedBuffer(join(apdu(1), apdu(2), apdu(3), apdu(4), apdu(5), apdu(6), apdu(7))));
        assertThat(batches()).containsExactly(List.of(1, 2, 3));

        routeDone();
        assertThat(batches()).containsExactly(List.of(4, 5, 6));
        routeDone();
        assertThat(batches()).containsExactly(List.of(7));
        routeDone();
        assertThat(batches()).isEmpty();
    }

    @Test
    void anApduSplitAcrossReadsGoesOnWithTheFramesReadAfterIt() {
        byte[] second = apdu(2);
        channel.writeInbound(Unpooled.wrappedBuffer(join(apdu(1), new byte[] {second[0], second[1]})));
        channel.writeInbound(Unpooled.wrappedBuffer(second, 2, second.length - 2), Unpooled.wrappedBuffer(apdu(3)));
        assertThat(batches()).containsExactly(List.of(1));

        routeDone();
        assertThat(batches()).containsExactly(List.of(2, 3));
    }

    @Test
    void whatWaitsGoesOnWhenTheConnectionClosesEvenWhileABatchIsInTheRoute() {
        channel.writeInbound(Unpooled.wrappedBuffer(apdu(1)));
        channel.writeInbound(Unpooled.wrappedBuffer(apdu(2)));
        assertThat(batches()).containsExactly(List.of(1));

        channel.close();
        assertThat(batches()).containsExactly(List.of(2));
    }

    @Test
    void bytesThatCannotBeFramedEndTheBatchTheyCloseAndAreKeptAsTheirOwnFrame() {
        channel.writeInbound(Unpooled.wrappedBuffer(join(apdu(1), new byte[] {0x61, (byte) 0x85, 1, 1, 1, 1, 1})));

        List<InboundFrames> batches = channel.inboundMessages().stream().map(InboundFrames.class::cast).toList();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).frames()).hasSize(2);
        assertThat(batches.get(0).frames().get(0).isComplete()).isTrue();
        assertThat(batches.get(0).frames().get(1).isComplete()).isFalse();
    }

    /** As the listener route says when it is done with a batch. */
    private void routeDone() {
        FrameBatcher.done(channel);
        channel.runPendingTasks();
    }

    /** Each batch as the numbers of its APDUs. */
    private List<List<Integer>> batches() {
        List<List<Integer>> batches = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            batches.add(((InboundFrames) message).frames().stream().map(frame -> (int) frame.bytes()[2]).toList());
        }
        return batches;
    }

    /** A tiny APDU whose one content byte is its number. */
    private static byte[] apdu(int number) {
        return new byte[] {0x61, 0x01, (byte) number};
    }

    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
