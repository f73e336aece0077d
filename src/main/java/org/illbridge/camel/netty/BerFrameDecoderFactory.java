package org.illbridge.camel.netty;

import io.netty.channel.ChannelHandler;
import java.time.Duration;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/**
 * Gives each ISO ILL connection its own {@link BerFrameDecoder}: the decoder keeps per-connection
 * state and is not {@code @Sharable}, so the Netty endpoint must reference this factory, not an
 * instance.
 */
public final class BerFrameDecoderFactory extends DefaultChannelHandlerFactory {

    private final int maxFrameBytes;
    private final int maxDepth;
    private final Duration idleTimeout;

    public BerFrameDecoderFactory(int maxFrameBytes, int maxDepth, Duration idleTimeout) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxDepth = maxDepth;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new BerFrameDecoder(maxFrameBytes, maxDepth, idleTimeout);
    }
}
