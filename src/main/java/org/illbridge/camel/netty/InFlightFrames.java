package org.illbridge.camel.netty;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frames a connection has handed on that are not yet durable. Past the per-connection limit,
 * or while all connections together hold more such bytes than the shared {@link Budget}, the
 * connection is not read (Netty auto-read off): a slow database pushes back on the peers' TCP
 * instead of filling the heap. Once frames are kept, reading resumes.
 */
public final class InFlightFrames {

    private static final AttributeKey<InFlightFrames> KEY = AttributeKey.valueOf("illbridge.framesInFlight");

    /** The bytes all connections have handed on and not yet kept, against a cap; and who waits for room. */
    public static final class Budget {
        private final long cap;
        private final AtomicLong held = new AtomicLong();
        private final Set<InFlightFrames> waiting = ConcurrentHashMap.newKeySet();

        public Budget(long cap) {
            this.cap = cap;
        }

        public long held() {
            return held.get();
        }

        boolean hasRoom() {
            return held.get() <= cap;
        }
    }

    private final Channel channel;
    private final int limit;
    private final Budget budget;
    private final AtomicInteger count = new AtomicInteger();

    private InFlightFrames(Channel channel, int limit, Budget budget) {
        this.channel = channel;
        this.limit = limit;
        this.budget = budget;
    }

    static InFlightFrames of(Channel channel, int limit, Budget budget) {
        InFlightFrames frames = new InFlightFrames(channel, limit, budget);
        InFlightFrames before = channel.attr(KEY).setIfAbsent(frames);
        return before != null ? before : frames;
    }

    /** A frame of {@code size} bytes from this connection is done with: kept durably, or given up. */
    public static void kept(Channel channel, int size) {
        InFlightFrames frames = channel == null ? null : channel.attr(KEY).get();
        if (frames == null) {
            return;
        }
        frames.count.decrementAndGet();
        frames.budget.held.addAndGet(-size);
        frames.channel.eventLoop().execute(frames::adjust);
        if (frames.budget.hasRoom()) {
            for (InFlightFrames other : frames.budget.waiting) {
                other.channel.eventLoop().execute(other::adjust);
            }
        }
    }

    /** Called on the event loop as the decoder hands a frame on. */
    void handedOn(int size) {
        count.incrementAndGet();
        budget.held.addAndGet(size);
        adjust();
    }

    private void adjust() {
        boolean read = count.get() < limit && budget.hasRoom();
        if (read) {
            budget.waiting.remove(this);
        } else {
            budget.waiting.add(this);
        }
        if (channel.isActive() && channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }
}
