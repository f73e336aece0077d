package org.illbridge.camel.netty;

import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/**
 * Gives each ISO ILL connection its own {@link BerFrameDecoder}: the decoder keeps per-connection
 * state and is not {@code @Sharable}, so the Netty endpoint must reference this factory, not an
 * instance.
 */
public final class BerFrameDecoderFactory extends DefaultChannelHandlerFactory {

    private final FramingLimits limits;

    public BerFrameDecoderFactory(FramingLimits limits) {
        this.limits = limits;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new BerFrameDecoder(limits);
    }
}
