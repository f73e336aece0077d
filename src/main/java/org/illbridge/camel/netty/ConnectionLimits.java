package org.illbridge.camel.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections the listener holds open: in all, and from any one source address. A
 * connection over a cap is closed as soon as it is accepted, with a WARN line naming the cap, so
 * one peer (or a flood of them) cannot exhaust the service.
 */
@ChannelHandler.Sharable
public final class ConnectionLimits extends ChannelInboundHandlerAdapter implements ChannelHandlerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);

    private final int maxConnections;
    private final int maxPerSource;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> bySource = new ConcurrentHashMap<>();

    public ConnectionLimits(int maxConnections, int maxPerSource) {
        this.maxConnections = maxConnections;
        this.maxPerSource = maxPerSource;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return this;
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String source = host(ctx.channel().remoteAddress());
        int all = open.incrementAndGet();
        int fromSource = bySource.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
        if (all > maxConnections || fromSource > maxPerSource) {
            LOG.warn("Refusing ISO ILL connection from {}: {}", ctx.channel().remoteAddress(), all > maxConnections
                    ? all - 1 + " connections are open, the most illbridge.listen.max-connections allows"
                    : fromSource - 1 + " connections from " + source + " are open, the most"
                            + " illbridge.listen.max-connections-per-source allows");
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        bySource.computeIfPresent(host(ctx.channel().remoteAddress()), (s, n) -> n.decrementAndGet() == 0 ? null : n);
        super.channelInactive(ctx);
    }

    private static String host(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
