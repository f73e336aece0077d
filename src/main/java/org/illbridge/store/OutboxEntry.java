package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One APDU to send (or sent), with its delivery state; the claim token of the instance sending it, if claimed. */
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
        @JsonProperty("sent-at") Instant sentAt,
        @JsonIgnore String claimToken,
        @JsonProperty("from-legacy-system") boolean fromLegacySystem) {
}
