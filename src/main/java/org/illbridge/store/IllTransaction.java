package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDateTime;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;

/** One ILL transaction in the message file, as staff see it. */
public record IllTransaction(
        long id,
        Role role,
        @JsonProperty("site-symbol") String siteSymbol,
        @JsonProperty("transaction-id") TransactionKey key,
        @JsonProperty("protocol-state") ProtocolState state,
        String status,
        String queue,
        @JsonProperty("managed-by") String managedBy,
        @JsonProperty("update-in-oclc") boolean updateInOclc,
        @JsonProperty("requester-symbol") String requesterSymbol,
        @JsonProperty("responder-symbol") String responderSymbol,
        String title,
        String author,
        @JsonProperty("need-before") String needBefore,
        @JsonProperty("ship-to") String shipTo,
        @JsonProperty("maximum-cost") String maximumCost,
        boolean ifm,
        @JsonProperty("created-at") LocalDateTime createdAt,
        @JsonProperty("updated-at") Instant updatedAt) {

    public static final String MANAGED_HERE = "iso";
    public static final String MANAGED_IN_OCLC = "oclc";

    public IllTransaction withState(ProtocolState newState, String newStatus, String newQueue, Instant at) {
        return new IllTransaction(id, role, siteSymbol, key, newState, newStatus, newQueue, managedBy, updateInOclc,
                requesterSymbol, responderSymbol, title, author, needBefore, shipTo, maximumCost, ifm, createdAt, at);
    }
}
