package org.illbridge.inbound;

import java.util.Optional;
import org.illbridge.protocol.Refusal;
import org.illbridge.store.InboxStatus;

/**
 * What became of an inbound APDU, once it is in the database: the inbox entry's status and the
 * reply, if any, that the sender is owed.
 */
public sealed interface InboundOutcome {

    InboxStatus status();

    Optional<Reply> reply();

    /** Applied to the message file; a Status-Query is answered with a status report. */
    record Applied(long transactionId, Reply statusReport) implements InboundOutcome {
        @Override
        public InboxStatus status() {
            return InboxStatus.APPLIED;
        }

        @Override
        public Optional<Reply> reply() {
            return Optional.ofNullable(statusReport);
        }

        @Override
        public String toString() {
            return "applied to transaction " + transactionId;
        }
    }

    /** Recorded against a request that predates the profile and flagged "update this request in OCLC". */
    record RecordedForOclc(long transactionId) implements InboundOutcome {
        @Override
        public InboxStatus status() {
            return InboxStatus.RECORDED_FOR_OCLC;
        }

        @Override
        public Optional<Reply> reply() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "recorded for OCLC on transaction " + transactionId;
        }
    }

    /** The same APDU was applied before; recorded in the history (when its transaction is known), not applied again. */
    record Duplicate(Long transactionId) implements InboundOutcome {
        @Override
        public InboxStatus status() {
            return InboxStatus.DUPLICATE;
        }

        @Override
        public Optional<Reply> reply() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "duplicate, not applied again";
        }
    }

    /** Refused: kept as a dead letter; the sender gets an error report unless the fault was ours. */
    record Refused(long deadLetterId, Refusal refusal, Reply errorReport) implements InboundOutcome, Identification {
        @Override
        public InboxStatus status() {
            return InboxStatus.REFUSED;
        }

        @Override
        public Optional<Reply> reply() {
            return Optional.ofNullable(errorReport);
        }

        @Override
        public String toString() {
            return "refused as dead letter " + deadLetterId + " (" + refusal.code().code() + ")";
        }
    }
}
