package org.illbridge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Bytes as they arrived on a listener, about to be stored in the inbox.
 *
 * @param bytes the exact bytes received
 * @param peer the remote address, as {@code host:port}
 * @param listener the listener's address, as {@code host:port}
 * @param receivedAt when the frame was complete
 * @param status {@link InboxStatus#RECEIVED} for a complete frame, else why it is not one
 * @param statusDetail a sentence saying why, or null
 */
public record ReceivedBytes(
        byte[] bytes, String peer, String listener, Instant receivedAt, InboxStatus status, String statusDetail) {

    public ReceivedBytes {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
    }
}
