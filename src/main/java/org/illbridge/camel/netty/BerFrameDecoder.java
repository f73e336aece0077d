package org.illbridge.camel.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.List;
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
 * mid-APDU) is handed on as an unframed {@link InboundFrame} with the reason, and the connection
 * is closed: buffering on would let one peer exhaust memory. Holds per-connection state, so it is
 * never shared: {@link BerFrameDecoderFactory} makes one per channel.
 */
public final class BerFrameDecoder extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(BerFrameDecoder.class);

    private final BerFrameScanner scanner;
    private final int maxFrameBytes;
    private final Duration idleTimeout;
    private boolean failed;

    public BerFrameDecoder(int maxFrameBytes, int maxDepth, Duration idleTimeout) {
        this.scanner = new BerFrameScanner(maxFrameBytes, maxDepth);
        this.maxFrameBytes = maxFrameBytes;
        this.idleTimeout = idleTimeout;
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
                return;
            }
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(InboundFrame.complete(frame));
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (!failed && in.isReadable()) {
            String reason = "connection closed after " + in.readableBytes() + " bytes of an incomplete APDU";
            LOG.warn("ISO ILL connection from {}: {}", ctx.channel().remoteAddress(), reason);
            out.add(InboundFrame.unframed(readUpToLimit(in), reason));
            in.skipBytes(in.readableBytes());
        }
        scanner.reset();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("Closing ISO ILL connection from {}: idle for {}", ctx.channel().remoteAddress(), idleTimeout);
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    private void refuseStream(ChannelHandlerContext ctx, ByteBuf in, List<Object> out, String reason) {
        failed = true;
        LOG.warn("Closing ISO ILL connection from {}: {}", ctx.channel().remoteAddress(), reason);
        out.add(InboundFrame.unframed(readUpToLimit(in), reason));
        in.skipBytes(in.readableBytes());
        // close once the frames decoded so far (and the refusal) have been passed on
        ctx.executor().execute(ctx::close);
    }

    private byte[] readUpToLimit(ByteBuf in) {
        byte[] kept = new byte[Math.min(in.readableBytes(), maxFrameBytes)];
        in.getBytes(in.readerIndex(), kept);
        return kept;
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
