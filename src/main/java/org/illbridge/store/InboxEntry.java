package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One stored inbox row, without its bytes (those are read on their own). */
public record InboxEntry(
        long id,
        @JsonProperty("received-at") Instant receivedAt,
        String peer,
        String listener,
        int size,
        String status,
        @JsonProperty("status-detail") String statusDetail) {
}
