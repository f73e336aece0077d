package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.illbridge.protocol.Direction;

/** A refused APDU, kept for a person to look at, replay or discard. */
public record DeadLetter(
        long id,
        Direction direction,
        @JsonProperty("inbox-id") Long inboxId,
        @JsonProperty("outbox-id") Long outboxId,
        @JsonProperty("received-at") Instant receivedAt,
        String peer,
        int size,
        @JsonProperty("reason-code") String reasonCode,
        String reason,
        DeadLetterStatus status,
        @JsonProperty("report-sent") String reportSent,
        @JsonRawValue String apdu,
        @JsonProperty("updated-at") Instant updatedAt) {
}
