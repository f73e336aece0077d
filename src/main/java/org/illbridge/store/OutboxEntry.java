package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One APDU to send (or sent), with its delivery state. */
public record OutboxEntry(
        long id,
        @JsonProperty("request") Long transactionId,
        @JsonProperty("site-symbol") String siteSymbol,
        @JsonProperty("peer-symbol") String peerSymbol,
        @JsonProperty("apdu-type") String apduType,
        @JsonRawValue String apdu,
        OutboxStatus status,
        int attempts,
        @JsonProperty("next-attempt-at") Instant nextAttemptAt,
        @JsonProperty("last-error") String lastError,
        @JsonProperty("created-at") Instant createdAt,
        @JsonProperty("sent-at") Instant sentAt) {
}
