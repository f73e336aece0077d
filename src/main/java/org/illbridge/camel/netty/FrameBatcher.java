package org.illbridge.camel.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands on the frames the decoder cut from one read of the socket as one {@link InboundFrames}, at
 * most {@code maxFrames} together: a peer that sends faster than one APDU at a time is worked a
 * batch at a time, while a peer that sends one and waits still gets its answer at once. Frames
 * never wait for a later read: the batch goes on when the read is complete. Per connection, so
 * {@link FrameBatcherFactory} makes one per channel.
 */
public final class FrameBatcher extends ChannelInboundHandlerAdapter {

    private final int maxFrames;
    private List<InboundFrame> pending = new ArrayList<>();

    public FrameBatcher(int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("a batch holds at least one frame, not " + maxFrames);
        }
        this.maxFrames = maxFrames;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof InboundFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        pending.add(frame);
        if (pending.size() >= maxFrames || !frame.isComplete()) {
            handOn(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        handOn(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handOn(ctx);
        super.channelInactive(ctx);
    }

    private void handOn(ChannelHandlerContext ctx) {
        if (pending.isEmpty()) {
            return;
        }
        InboundFrames batch = new InboundFrames(pending);
        pending = new ArrayList<>();
        ctx.fireChannelRead(batch);
    }
}
