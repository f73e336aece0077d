package org.illbridge.camel.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands on a connection's frames in batches ({@link InboundFrames}), at most {@code maxFrames}
 * together, with one batch in the route at a time: what is read while a batch is being processed
 * waits here and goes on as the next batch once the route says it is done ({@link #done}). So a
 * peer that sends faster than one APDU at a time is worked a batch at a time however the socket
 * happens to cut its bytes, and a peer that sends one and waits gets its answer at once. Per
 * connection, so {@link FrameBatcherFactory} makes one per channel.
 */
public final class FrameBatcher extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<FrameBatcher> KEY = AttributeKey.valueOf("illbridge.frameBatcher");

    private final int maxFrames;
    private ChannelHandlerContext context;
    private final List<InboundFrame> pending = new ArrayList<>();
    private boolean inRoute;

    public FrameBatcher(int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("a batch holds at least one frame, not " + maxFrames);
        }
        this.maxFrames = maxFrames;
    }

    /** The route is done with the connection's batch: the next one, if frames wait, goes on. */
    public static void done(Channel channel) {
        FrameBatcher batcher = channel == null ? null : channel.attr(KEY).get();
        if (batcher != null) {
            channel.eventLoop().execute(batcher::batchDone);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        ctx.channel().attr(KEY).set(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof InboundFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        pending.add(frame);
        if (!frame.isComplete()) {
            handOnAll(); // the stream ends here: what came before it goes on with it
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!inRoute) {
            handOnNext();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handOnAll();
        super.channelInactive(ctx);
    }

    private void batchDone() {
        inRoute = false;
        handOnNext();
    }

    private void handOnAll() {
        while (!pending.isEmpty()) {
            handOnNext();
        }
    }

    /** The next batch, if frames wait: at most {@code maxFrames} of them, in the order read. */
    private void handOnNext() {
        if (pending.isEmpty()) {
            return;
        }
        List<InboundFrame> batch = pending.subList(0, Math.min(maxFrames, pending.size()));
        InboundFrames frames = new InboundFrames(batch);
        batch.clear();
        inRoute = true;
        context.fireChannelRead(frames);
    }
}
