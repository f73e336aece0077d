package org.illbridge.camel.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.illbridge.codec.ber.BerFrameScanner;
import org.illbridge.codec.ber.BerFramingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the TCP byte stream into APDUs: one {@link InboundFrame} per complete top-level BER TLV.
 * It only frames and never parses APDU content, so a malformed APDU still reaches the route (and
 * the inbox) instead of killing the connection silently.
 *
 * <p>A stream that cannot be framed (an oversize frame, an impossible length, the peer closing
 * mid-APDU, an APDU not finished in time, more unfinished bytes than all connections may hold) is
 * handed on as an unframed {@link InboundFrame} — a bounded prefix, with the full length and
 * digest in the reason — and the connection is closed: buffering on would let one peer exhaust
 * memory. Holds per-connection state, so it is never shared: {@link BerFrameDecoderFactory} makes
 * one per channel.
 */
public final class BerFrameDecoder extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(BerFrameDecoder.class);

    /** How much of a stream that cannot be framed is kept in the inbox. */
    static final int KEPT_PREFIX = 64 * 1024;

    private final BerFrameScanner scanner;
    private final FramingLimits limits;
    private boolean failed;
    private long unfinished;
    private ScheduledFuture<?> frameDeadline;

    public BerFrameDecoder(int maxFrameBytes, int maxDepth, Duration idleTimeout) {
        this(FramingLimits.framingOnly(maxFrameBytes, maxDepth, idleTimeout));
    }

    public BerFrameDecoder(FramingLimits limits) {
        this.scanner = new BerFrameScanner(limits.maxFrameBytes(), limits.maxDepth());
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            int length;
            try {
                length = scanner.scan(bytesOf(in));
            } catch (BerFramingException e) {
                refuseStream(ctx, in, out, e.getMessage());
                return;
            }
            if (length == BerFrameScanner.NEED_MORE) {
                break;
            }
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(InboundFrame.complete(frame));
            cancelDeadline();
            if (limits.framesInFlight() > 0) {
                InFlightFrames.of(ctx.channel(), limits.framesInFlight(), limits.inFlightBudget()).handedOn(length);
            }
        }
        holdUnfinished(ctx, in, out);
    }

    /** Counts what this connection buffers of an unfinished APDU against the budget of all, and times it. */
    private void holdUnfinished(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        long now = in.readableBytes();
        boolean withinBudget = limits.unfinishedBudget().change(now - unfinished);
        unfinished = now;
        if (!withinBudget) {
            refuseStream(ctx, in, out, "all connections together hold more unfinished APDU bytes than allowed ("
                    + limits.unfinishedBudget().held() + "); this connection's unfinished APDU of " + now + " bytes is refused");
            return;
        }
        if (now > 0 && frameDeadline == null && limits.frameTimeout() != null) {
            frameDeadline = ctx.executor().schedule(() -> notFinishedInTime(ctx), limits.frameTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void notFinishedInTime(ChannelHandlerContext ctx) {
        frameDeadline = null;
        if (failed || unfinished == 0 || !ctx.channel().isActive()) {
            return;
        }
        ByteBuf buffered = internalBuffer();
        List<Object> out = new ArrayList<>();
        Duration timeout = limits.frameTimeout();
        refuseStream(ctx, buffered, out, "an APDU begun was not finished within "
                + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        out.forEach(ctx::fireChannelRead);
        ctx.fireChannelReadComplete();
    }

    private void cancelDeadline() {
        if (frameDeadline != null) {
            frameDeadline.cancel(false);
            frameDeadline = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelDeadline();
        limits.unfinishedBudget().change(-unfinished);
        unfinished = 0;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (!failed && in.isReadable()) {
            String reason = "connection closed after " + in.readableBytes() + " bytes of an incomplete APDU";
            LOG.warn("ISO ILL connection from {}: {}", ctx.channel().remoteAddress(), reason);
            out.add(InboundFrame.unframed(readUpToLimit(in), kept(in, reason)));
            in.skipBytes(in.readableBytes());
        }
        scanner.reset();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("Closing ISO ILL connection from {}: idle for {}", ctx.channel().remoteAddress(), limits.idleTimeout());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    private void refuseStream(ChannelHandlerContext ctx, ByteBuf in, List<Object> out, String reason) {
        failed = true;
        cancelDeadline();
        LOG.warn("Closing ISO ILL connection from {}: {}", ctx.channel().remoteAddress(), reason);
        out.add(InboundFrame.unframed(readUpToLimit(in), kept(in, reason)));
        in.skipBytes(in.readableBytes());
        limits.unfinishedBudget().change(-unfinished);
        unfinished = 0;
        // close once the frames decoded so far (and the refusal) have been passed on
        ctx.executor().execute(ctx::close);
    }

    private int keptPrefix() {
        return Math.min(KEPT_PREFIX, limits.maxFrameBytes());
    }

    private byte[] readUpToLimit(ByteBuf in) {
        byte[] kept = new byte[Math.min(in.readableBytes(), keptPrefix())];
        in.getBytes(in.readerIndex(), kept);
        return kept;
    }

    /** The reason, and what of the bytes is kept when not all of them are. */
    private String kept(ByteBuf in, String reason) {
        int length = in.readableBytes();
        if (length <= keptPrefix()) {
            return reason;
        }
        return reason + " (the first " + keptPrefix() + " of " + length + " bytes are kept; SHA-256 of all of them "
                + sha256(in) + ")";
    }

    private static String sha256(ByteBuf in) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.nioBuffer(in.readerIndex(), in.readableBytes()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static BerFrameScanner.Bytes bytesOf(ByteBuf in) {
        int base = in.readerIndex();
        int length = in.readableBytes();
        return new BerFrameScanner.Bytes() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public int at(int index) {
                return in.getUnsignedByte(base + index);
            }
        };
    }
}
