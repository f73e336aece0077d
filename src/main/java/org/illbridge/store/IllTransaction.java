package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDateTime;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;

/**
 * One ILL transaction in the message file, as staff see it. New ones are made with
 * {@link #open}; the message file gives them their id. {@code version} is the one it was read at:
 * a change made {@link #with} it is written only while the transaction is still at that version.
 */
public record IllTransaction(
        long id,
        Role role,
        @JsonProperty("site-symbol") String siteSymbol,
        @JsonProperty("transaction-id") TransactionKey key,
        @JsonProperty("protocol-state") ProtocolState state,
        String status,
        Queue queue,
        @JsonProperty("managed-by") ManagedBy managedBy,
        @JsonProperty("update-in-oclc") boolean updateInOclc,
        @JsonProperty("requester-symbol") String requesterSymbol,
        @JsonProperty("responder-symbol") String responderSymbol,
        String title,
        String author,
        @JsonProperty("need-before") String needBefore,
        @JsonProperty("ship-to") String shipTo,
        @JsonProperty("maximum-cost") String maximumCost,
        @JsonProperty("oclc-number") String oclcNumber,
        String patron,
        boolean ifm,
        @JsonProperty("created-at") LocalDateTime createdAt,
        @JsonProperty("updated-at") Instant updatedAt,
        @JsonIgnore long version) {

    /** A request about to be added to the message file (its id is 0 until then). */
    public static IllTransaction open(Opening opening, Standing standing, ManagedBy managedBy, Instant now) {
        return new IllTransaction(0, opening.role(), opening.siteSymbol(), opening.key(), standing.state(), standing.status(),
                standing.queue(), managedBy, managedBy == ManagedBy.OCLC, opening.requesterSymbol(),
                opening.responderSymbol(), opening.citation().title(), opening.citation().author(),
                opening.citation().needBefore(), opening.shipTo(), opening.citation().maximumCost(), opening.citation().oclcNumber(),
                opening.citation().patron(), opening.ifm(),
                opening.createdAt(), now, 0);
    }

    public Standing standing() {
        return new Standing(state, status, queue);
    }

    @JsonIgnore // said by managed-by already
    public boolean isManagedInOclc() {
        return managedBy == ManagedBy.OCLC;
    }

    /** The same request, as the message file numbered it. */
    IllTransaction withId(long newId) {
        return new IllTransaction(newId, role, siteSymbol, key, state, status, queue, managedBy, updateInOclc,
                requesterSymbol, responderSymbol, title, author, needBefore, shipTo, maximumCost, oclcNumber, patron, ifm, createdAt, updatedAt, version);
    }

    public IllTransaction with(Standing standing, Instant at) {
        return new IllTransaction(id, role, siteSymbol, key, standing.state(), standing.status(), standing.queue(), managedBy,
                updateInOclc, requesterSymbol, responderSymbol, title, author, needBefore, shipTo, maximumCost, oclcNumber, patron, ifm,
                createdAt, at, version);
    }
}
