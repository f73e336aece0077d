package org.illbridge.camel.netty;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection's framing may hold, and what all of them may hold together.
 *
 * @param maxFrameBytes an APDU larger than this ends the connection
 * @param maxDepth how deeply indefinite-length elements may nest
 * @param idleTimeout a connection silent this long is closed
 * @param frameTimeout an APDU begun but not finished within this ends the connection (null: no limit)
 * @param framesInFlight frames handed on but not yet durable beyond which the connection is not read (0: no limit)
 * @param inFlightBudget bytes handed on but not yet durable that all connections may hold together
 * @param unfinishedBudget bytes of unfinished APDUs all connections may buffer together
 */
public record FramingLimits(int maxFrameBytes, int maxDepth, Duration idleTimeout, Duration frameTimeout,
                            int framesInFlight, InFlightFrames.Budget inFlightBudget, UnfinishedBytes unfinishedBudget) {

    /** The bytes all connections hold in unfinished APDUs, against a cap. */
    public static final class UnfinishedBytes {
        private final long cap;
        private final AtomicLong held = new AtomicLong();

        public UnfinishedBytes(long cap) {
            this.cap = cap;
        }

        /** Adds {@code delta} (may be negative); false when the total is then over the cap. */
        boolean change(long delta) {
            return held.addAndGet(delta) <= cap;
        }

        public long held() {
            return held.get();
        }
    }

    /** Framing alone: no frame timeout, no read limit, no shared budget (tests, replies on our own connections). */
    public static FramingLimits framingOnly(int maxFrameBytes, int maxDepth, Duration idleTimeout) {
        return new FramingLimits(maxFrameBytes, maxDepth, idleTimeout, null, 0, new InFlightFrames.Budget(Long.MAX_VALUE),
                new UnfinishedBytes(Long.MAX_VALUE));
    }
}
