package org.illbridge.camel.netty;

import io.netty.channel.ChannelHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/**
 * Signals a connection that has neither read nor written for the idle timeout; the
 * {@link BerFrameDecoder} behind it closes the connection. One handler per channel.
 */
public final class IdleTimeoutHandlerFactory extends DefaultChannelHandlerFactory {

    private final Duration idleTimeout;

    public IdleTimeoutHandlerFactory(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
