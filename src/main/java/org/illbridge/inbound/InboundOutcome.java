package org.illbridge.inbound;

import java.util.Optional;
import org.illbridge.protocol.Refusal;
import org.illbridge.store.InboxStatus;

/**
 * What became of an inbound APDU, once it is in the database: the inbox entry's status and the
 * reply, if any, that the sender is owed.
 */
public sealed interface InboundOutcome {

    /** Applied to the message file; a Status-Query is answered with a status report (else null). */
    record Applied(long transactionId, Reply statusReport) implements InboundOutcome {
    }

    /** Recorded against a request that predates the profile and flagged "update this request in OCLC". */
    record RecordedForOclc(long transactionId) implements InboundOutcome {
    }

    /**
     * The same APDU was applied before; recorded in the history (when its transaction is known), not
     * applied again. A Status-Query asked again is answered again (else null): asking changes nothing.
     */
    record Duplicate(Long transactionId, Reply statusReport) implements InboundOutcome {
    }

    /** Refused: kept as a dead letter; the sender gets an error report unless the fault was ours (else null). */
    record Refused(long deadLetterId, Refusal refusal, Reply errorReport) implements InboundOutcome, Identification {
    }

    /** What the inbox entry's status becomes. */
    default InboxStatus status() {
        if (this instanceof Applied) {
            return InboxStatus.APPLIED;
        }
        if (this instanceof RecordedForOclc) {
            return InboxStatus.RECORDED_FOR_OCLC;
        }
        return this instanceof Duplicate ? InboxStatus.DUPLICATE : InboxStatus.REFUSED;
    }

    /** The reply the sender is owed: an error report for a refusal, a status report for a Status-Query. */
    default Optional<Reply> reply() {
        if (this instanceof Applied applied) {
            return Optional.ofNullable(applied.statusReport());
        }
        if (this instanceof Duplicate duplicate) {
            return Optional.ofNullable(duplicate.statusReport());
        }
        return this instanceof Refused refused ? Optional.ofNullable(refused.errorReport()) : Optional.empty();
    }

    /** The refusal's reason code, or "none". */
    default String reasonCode() {
        return this instanceof Refused refused ? refused.refusal().code().code() : "none";
    }

    /** The outcome in a few words, for the log. */
    default String summary() {
        if (this instanceof Applied applied) {
            return "applied to transaction " + applied.transactionId();
        }
        if (this instanceof RecordedForOclc recorded) {
            return "recorded for OCLC on transaction " + recorded.transactionId();
        }
        if (this instanceof Refused refused) {
            return "refused as dead letter " + refused.deadLetterId() + " (" + refused.refusal().code().code() + ")";
        }
        return "duplicate, not applied again";
    }
}
