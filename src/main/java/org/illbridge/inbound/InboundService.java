package org.illbridge.inbound;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.UnknownRequesterPolicy;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.GroupCommit;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.Queue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What illbridge does with an APDU once its bytes are in the inbox, in the domain's words and
 * with no Camel in it. The inbound policy route ({@code routes/inbound-apdu.camel.yaml}) calls
 * {@link #identify}, asks the {@link IdentifiedApdu} its questions, and calls the method of the
 * branch it chose. Each returns an {@link InboundOutcome} that is already in the database (the
 * message file, the inbox entry's status, a dead letter for a refusal) together with the reply,
 * if any, that the sender is owed; {@link #replied} notes how that reply went.
 */
public final class InboundService {

    private final ApduIdentifier identifier;
    private final MessageFileWriter writer;
    private final DeadLetterWriter deadLetters;
    private final Replies replies;

    /** Each APDU applied in a transaction of its own. */
    public InboundService(IllCodec codec, ProfileRegistry profiles, MessageFileStore messageFile, InboxStore inbox,
                          OutboxStore outbox, DeadLetterStore deadLetters, TransactionTemplate transactions, Clock clock) {
        this(codec, profiles, messageFile, inbox, outbox, deadLetters, transactions, new GroupCommit(transactions, 1, "apply"),
                clock);
    }

    /** @param commits how APDUs are applied: in batches sharing one commit, or one by one */
    public InboundService(IllCodec codec, ProfileRegistry profiles, MessageFileStore messageFile, InboxStore inbox,
                          OutboxStore outbox, DeadLetterStore deadLetters, TransactionTemplate transactions, GroupCommit commits,
                          Clock clock) {
        this.replies = new Replies(codec, messageFile, deadLetters, clock);
        this.identifier = new ApduIdentifier(codec, profiles, messageFile);
        this.writer = new MessageFileWriter(messageFile, inbox, outbox, deadLetters, commits, replies, clock);
        this.deadLetters = new DeadLetterWriter(deadLetters, inbox, transactions, replies, clock);
    }

    /** Decodes and identifies an APDU; one that cannot be read, or lacks what illbridge needs, is refused. */
    public Identification identify(ReceivedApdu received) {
        IdentifiedApdu identified = null;
        try {
            identified = identifier.identify(received);
            ApduChecks.check(identified);
            return identified;
        } catch (ApduRefused refused) {
            return deadLetters.refuse(received, identified, decoded(received, identified), refused.refusal(), null);
        }
    }

    /** Applies an APDU of a transaction worked here: the protocol machine moves it, or refuses it. */
    public InboundOutcome apply(IdentifiedApdu apdu) {
        return refusing(apdu, () -> writer.apply(apdu, null));
    }

    /** A new request from a requester the site does not know: queued, accepted or refused, as the site's profile says. */
    public InboundOutcome applyFromUnknownRequester(IdentifiedApdu apdu) {
        UnknownRequesterPolicy policy = apdu.site().unknownRequesters();
        if (policy == UnknownRequesterPolicy.REFUSE) {
            return refuse(apdu, new Refusal(ReasonCode.UNKNOWN_REQUESTER,
                    "The request comes from " + (apdu.requesterSymbol() == null ? "an unnamed library" : apdu.requesterSymbol())
                            + ", a requester " + apdu.site().symbol() + " does not know, and the site's policy is to refuse"
                            + " such requests.",
                    new Refusal.UnableToPerform("not-available", null)));
        }
        return refusing(apdu, () -> writer.apply(apdu, policy == UnknownRequesterPolicy.QUEUE ? Queue.UNKNOWN_REQUESTER : null));
    }

    /** A request that predates the site's profile: recorded and flagged "update this request in OCLC"; nothing is sent. */
    public InboundOutcome recordForOclc(IdentifiedApdu apdu) {
        return refusing(apdu, () -> writer.recordForOclc(apdu));
    }

    /** An APDU addressed to a library this service does not serve. */
    public InboundOutcome refuseUnknownSymbol(IdentifiedApdu apdu) {
        return refuse(apdu, new Refusal(ReasonCode.UNKNOWN_SYMBOL,
                "The " + apdu.apdu().type().asnName() + " is addressed to a library this service does not serve"
                        + " (no ISO ILL profile is configured for its symbols).",
                new Refusal.UnableToPerform("not-available", null)));
    }

    /**
     * An APDU whose processing failed for a reason of illbridge's own (not the sender's): kept as a
     * dead letter to replay once the fault is fixed; the sender gets no report.
     *
     * @param identified the APDU as identified, when it got that far, else null
     */
    public InboundOutcome.Refused failed(ReceivedApdu received, IdentifiedApdu identified, Throwable cause) {
        return deadLetters.refuse(received, identified, decoded(received, identified), DeadLetterWriter.internal(cause), cause);
    }

    /** Notes how a reply went — in its transaction's history and on its dead letter. */
    public void replied(Reply reply, String how) {
        replies.delivered(reply, how);
    }

    /** The APDU for a dead letter's JSON: as identified, or decoded from its bytes if they decode at all. */
    private Optional<Apdu> decoded(ReceivedApdu received, IdentifiedApdu identified) {
        return identified != null ? Optional.of(identified.apdu()) : identifier.decodeQuietly(received.bytes());
    }

    private InboundOutcome refusing(IdentifiedApdu apdu, Supplier<InboundOutcome> step) {
        try {
            return step.get();
        } catch (ApduRefused refused) {
            return refuse(apdu, refused.refusal());
        }
    }

    private InboundOutcome refuse(IdentifiedApdu apdu, Refusal refusal) {
        return deadLetters.refuse(apdu.received(), apdu, Optional.of(apdu.apdu()), refusal, null);
    }
}
