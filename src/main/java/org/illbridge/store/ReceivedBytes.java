package org.illbridge.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Bytes as they arrived on a listener, about to be stored in the inbox (or the spool).
 *
 * @param frameId the frame's own id, given when it arrived: the same frame is one inbox row
 * @param bytes the exact bytes received (for bytes that could not be framed, a bounded prefix)
 * @param peer the remote address, as {@code host:port}
 * @param listener the listener's address, as {@code host:port}
 * @param receivedAt when the frame was complete
 * @param status {@link InboxStatus#RECEIVED} for a complete frame, else why it is not one
 * @param statusDetail a sentence saying why, or null
 */
public record ReceivedBytes(String frameId,
        byte[] bytes, String peer, String listener, Instant receivedAt, InboxStatus status, String statusDetail) {

    public ReceivedBytes {
        Objects.requireNonNull(frameId, "frameId");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
    }

    /** Bytes that have just arrived: a new frame id. */
    public ReceivedBytes(byte[] bytes, String peer, String listener, Instant receivedAt, InboxStatus status, String statusDetail) {
        this(UUID.randomUUID().toString(), bytes, peer, listener, receivedAt, status, statusDetail);
    }
}
