package org.illbridge.camel.netty;

import java.util.List;

/**
 * The frames one connection delivered in one read, in the order they came: what the listener route
 * takes as one exchange, so they are kept in the inbox together and applied in one database
 * transaction (one flush for all of them, not one each).
 */
public record InboundFrames(List<InboundFrame> frames) {

    public InboundFrames {
        frames = List.copyOf(frames);
    }

    public int size() {
        return frames.size();
    }
}
