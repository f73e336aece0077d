package org.illbridge.camel.netty;

import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/** Gives each ISO ILL connection its own {@link FrameBatcher} (it holds the frames of the read under way). */
public final class FrameBatcherFactory extends DefaultChannelHandlerFactory {

    private final int maxFrames;

    public FrameBatcherFactory(int maxFrames) {
        this.maxFrames = maxFrames;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new FrameBatcher(maxFrames);
    }
}
