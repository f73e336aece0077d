package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.illbridge.protocol.Direction;

/** One APDU in or out of a transaction, with its JSON view (the exact bytes are read on their own). */
public record HistoryEntry(
        long id,
        @JsonProperty("transaction") long transactionId,
        @JsonProperty("inbox-id") Long inboxId,
        Direction direction,
        @JsonProperty("apdu-type") String apduType,
        String peer,
        Instant at,
        @JsonRawValue String apdu,
        String note) {
}
