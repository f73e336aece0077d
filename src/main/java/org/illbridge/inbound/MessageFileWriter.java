package org.illbridge.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.view.Citation;
import org.illbridge.codec.ill.view.ErrorReport;
import org.illbridge.codec.ill.view.OclcRequestExtension;
import org.illbridge.codec.ill.view.ShipTo;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.protocol.Direction;
import org.illbridge.protocol.ProtocolEvent;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.StatusReports;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.GroupCommit;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ManagedBy;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Opening;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.Queue;
import org.illbridge.store.Standing;
import org.illbridge.store.TransactionChangedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an identified APDU to the message file in one database transaction that also marks the
 * APDU applied and sets its inbox entry's status, so it is applied once however often it arrives
 * and whichever instance receives it. A refused APDU ({@link ApduRefused}) and one applied before
 * (recorded as a {@link InboundOutcome.Duplicate}) are found out before anything is written.
 */
record MessageFileWriter(MessageFileStore messageFile, InboxStore inbox, OutboxStore outbox, DeadLetterStore deadLetters,
                         GroupCommit commits, Replies replies, Clock clock) {

    /**
     * What a unit of work came to. A unit that was refused, or found the APDU applied before, has
     * written nothing: it returns instead of throwing, so a database transaction it shares with
     * other APDUs stays good to commit.
     */
    private record Result(InboundOutcome outcome, ApduRefused refused, boolean appliedBefore) {

        static final Result APPLIED_BEFORE = new Result(null, null, true);

        static Result done(InboundOutcome outcome) {
            return new Result(outcome, null, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MessageFileWriter.class);
    private static final String UPDATE_IN_OCLC = "Update in OCLC";
    /** How often an APDU is worked out again when its transaction changed meanwhile, before it is left for recovery. */
    private static final int CHANGED_MEANWHILE_ATTEMPTS = 3;

    /**
     * Drives the protocol machine with an APDU of an ISO-managed transaction.
     *
     * @param queue where a new request goes instead of its status's queue, or null
     * @throws ApduRefused when the protocol does not allow it (nothing of it is written)
     */
    InboundOutcome apply(IdentifiedApdu in, Queue queue) {
        Instant now = clock.instant();
        return committed(in, now, () -> applied(in, queue, now));
    }

    /**
     * The unit's result once committed. A transaction another connection, a staff action or another
     * instance changed while the unit worked (nothing of it was written) is read again and the unit
     * worked anew; inside a connection's batch the batch is worked again APDU by APDU instead.
     */
    private InboundOutcome committed(IdentifiedApdu in, Instant now, Supplier<Result> unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return settled(in, now, commits.execute(unit));
            } catch (DuplicateKeyException appliedMeanwhile) {
                return duplicate(in, now);
            } catch (TransactionChangedException changedMeanwhile) {
                if (attempt == CHANGED_MEANWHILE_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw changedMeanwhile;
                }
                LOG.info("{}; working the APDU out again", changedMeanwhile.getMessage());
            }
        }
    }

    private InboundOutcome settled(IdentifiedApdu in, Instant now, Result result) {
        if (result.appliedBefore()) {
            return duplicate(in, now);
        }
        if (result.refused() != null) {
            throw result.refused();
        }
        return result.outcome();
    }

    private Result applied(IdentifiedApdu in, Queue queue, Instant now) {
        Optional<IllTransaction> held = held(in);
        ProtocolState state = held.map(IllTransaction::state).orElse(ProtocolState.IDLE);
        ProtocolEvent event = ProtocolEvent.received(in.apdu());
        Optional<ProtocolState> allowed = ProtocolMachine.next(in.role(), state, event);
        Optional<ApduRefused> refused = transactionIdProblem(in, held)
                .or(() -> allowed.isEmpty() ? Optional.of(prohibited(in, state, event)) : Optional.empty());
        if (refused.isPresent()) {
            // a retransmission of an APDU applied before is refused by the state it moved: it is a duplicate
            return messageFile.wasApplied(in.hash()) ? Result.APPLIED_BEFORE : new Result(null, refused.get(), false);
        }
        if (!messageFile.markApplied(in.hash(), in.received().inboxId(), now)) {
            return Result.APPLIED_BEFORE;
        }
        ProtocolState next = allowed.get();
        Standing standing = Standing.after(held.map(IllTransaction::standing).orElse(null), next, event);
        IllTransaction t;
        if (held.isPresent()) {
            t = held.get().with(keepUnknownRequesterQueue(held.get(), standing), now);
            messageFile.update(t);
        } else {
            Standing first = queue != null ? new Standing(next, standing.status(), queue) : standing;
            t = messageFile.create(IllTransaction.open(opening(in, now), first, ManagedBy.ISO, now));
        }
        history(in, t.id(), now, null);
        noteRejectionOfOurs(in, t);
        setInboxStatus(in, InboxStatus.APPLIED, "applied to transaction " + t.id());
        Apdu report = in.apdu().type() == ApduType.STATUS_QUERY ? statusReport(in, t) : null;
        return Result.done(new InboundOutcome.Applied(t.id(), report == null ? null : replies.to(in, report, t.id(), null)));
    }

    /** Records an APDU of a request that predates the profile, flagged "update this request in OCLC"; nothing is sent. */
    InboundOutcome recordForOclc(IdentifiedApdu in) {
        Instant now = clock.instant();
        return committed(in, now, () -> recordedForOclc(in, now));
    }

    private Result recordedForOclc(IdentifiedApdu in, Instant now) {
        if (!messageFile.markApplied(in.hash(), in.received().inboxId(), now)) {
            return Result.APPLIED_BEFORE;
        }
        Standing oclc = new Standing(ProtocolState.IDLE, UPDATE_IN_OCLC, Queue.OCLC);
        IllTransaction t = held(in)
                .orElseGet(() -> messageFile.create(IllTransaction.open(opening(in, now), oclc, ManagedBy.OCLC, now)));
        ProtocolState next = ProtocolMachine.next(in.role(), t.state(), ProtocolEvent.received(in.apdu())).orElse(t.state());
        messageFile.update(t.with(new Standing(next, UPDATE_IN_OCLC, Queue.OCLC), now));
        history(in, t.id(), now, "predates the " + in.site().symbol() + " ISO ILL profile: update this request in OCLC");
        setInboxStatus(in, InboxStatus.RECORDED_FOR_OCLC,
                "recorded; the request predates the ISO ILL profile and is updated in OCLC");
        return Result.done(new InboundOutcome.RecordedForOclc(t.id()));
    }

    /**
     * The transaction as it is now, read in this database transaction: by its id exactly, or the one the
     * APDU was identified with when a side left out the initial-requester-id. When it was identified in
     * this same database transaction (a connection's batch), that reading is current.
     */
    private Optional<IllTransaction> held(IdentifiedApdu in) {
        if (in.readInTransaction() && TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.ofNullable(in.existing());
        }
        return messageFile.find(in.role(), in.site().symbol(), in.key())
                .or(() -> in.existing() == null ? Optional.empty() : messageFile.find(in.existing().id()));
    }

    /**
     * The APDU was applied before: from another inbox entry (a retransmission, a second address),
     * which is recorded; or from this very entry (processed twice, as recovery can), which changes nothing.
     */
    private InboundOutcome duplicate(IdentifiedApdu in, Instant now) {
        Long inboxId = in.received().inboxId();
        Optional<IllTransaction> held = held(in);
        if (inboxId != null && messageFile.appliedFrom(in.hash()).filter(inboxId::equals).isPresent()) {
            return held.<InboundOutcome>map(t -> new InboundOutcome.Applied(t.id(), null))
                    .orElseGet(() -> new InboundOutcome.Duplicate(null, null));
        }
        return commits.execute(() -> {
            Optional<IllTransaction> t = held;
            t.ifPresent(known -> history(in, known.id(), now, "the same APDU was received before; recorded, not applied again"));
            setInboxStatus(in, InboxStatus.DUPLICATE, "the same APDU was applied before; not applied again");
            Apdu report = in.apdu().type() == ApduType.STATUS_QUERY && t.isPresent() && !t.get().isManagedInOclc()
                    ? statusReport(in, t.get()) : null;
            return new InboundOutcome.Duplicate(t.map(IllTransaction::id).orElse(null),
                    report == null ? null : replies.to(in, report, t.get().id(), null));
        });
    }

    private static Optional<ApduRefused> transactionIdProblem(IdentifiedApdu in, Optional<IllTransaction> held) {
        ApduType type = in.apdu().type();
        if (type == ApduType.ILL_REQUEST && held.isPresent()) {
            return Optional.of(refused(ReasonCode.DUPLICATE_TRANSACTION, "An ILL-Request with transaction-id " + in.key()
                    + " was received before; a new request needs a new transaction-id.", "duplicate-transaction-id"));
        }
        if (type != ApduType.ILL_REQUEST && held.isEmpty()) {
            return Optional.of(refused(ReasonCode.UNKNOWN_TRANSACTION, "The " + type.asnName() + " is about transaction "
                    + in.key() + ", which " + in.site().symbol() + " has no record of.", "unknown-transaction-id"));
        }
        return Optional.empty();
    }

    /** A request waiting in the Unknown Requester queue stays there while its state does not change. */
    private static Standing keepUnknownRequesterQueue(IllTransaction held, Standing standing) {
        return standing.state() == held.state() && held.queue() == Queue.UNKNOWN_REQUESTER
                ? new Standing(standing.state(), standing.status(), Queue.UNKNOWN_REQUESTER) : standing;
    }

    /**
     * A Status-Or-Error-Report with an error report that a peer sends about one of our
     * transactions rejects the APDU we last sent for it: the outbox entry is marked rejected and a
     * dead letter says what the peer objected to, so staff see it and can resend after a fix.
     */
    private void noteRejectionOfOurs(IdentifiedApdu in, IllTransaction t) {
        ErrorReport.of(in.apdu(), in.charset()).ifPresent(report -> outbox.lastSent(t.id()).ifPresent(ours -> {
            String why = report.reason();
            outbox.rejected(ours.id(), why);
            String peer = in.senderSymbol() != null ? in.senderSymbol() : "The peer";
            deadLetters.addOutbound(ours.id(), in.senderSymbol(), in.received().bytes(), new ApduJson(in.charset()).toText(in.apdu()),
                    "rejected-by-peer", peer + " rejected our " + ours.apduType() + " (outbox " + ours.id() + "): " + why,
                    clock.instant());
        }));
    }

    private void history(IdentifiedApdu in, long transactionId, Instant now, String note) {
        messageFile.addHistory(transactionId, in.received().inboxId(), Direction.IN, in.apdu().type().asnName(),
                in.received().peer(), now, in.received().bytes(), in.charset(), note);
    }

    private void setInboxStatus(IdentifiedApdu in, InboxStatus status, String detail) {
        if (in.received().inboxId() != null) {
            inbox.setStatus(in.received().inboxId(), status, detail);
        }
    }

    private Apdu statusReport(IdentifiedApdu in, IllTransaction t) {
        List<HistoryEntry> history = messageFile.historyOutline(t.id());
        HistoryEntry recent = history.size() > 1 ? history.get(history.size() - 2) : history.get(history.size() - 1);
        String initiator = recent.direction() == Direction.IN ? in.senderSymbol() : in.site().symbol();
        ZoneId zone = clock.getZone();
        return StatusReports.answer(in.apdu(), new StatusReports.Known(t.state(), t.createdAt(),
                LocalDateTime.ofInstant(t.updatedAt(), zone), t.title(), t.author(), ApduType.ofAsnName(recent.apduType()),
                LocalDateTime.ofInstant(recent.at(), zone), initiator != null ? initiator : in.site().symbol()),
                LocalDateTime.ofInstant(clock.instant(), zone));
    }

    private Opening opening(IdentifiedApdu in, Instant now) {
        Apdu apdu = in.apdu();
        boolean lending = in.role() == Role.LENDING;
        return new Opening(in.role(), in.site().symbol(), in.key(),
                lending ? in.requesterSymbol() : in.site().symbol(),
                lending ? in.site().symbol() : in.senderSymbol(),
                Citation.of(apdu, in.charset()),
                ShipTo.of(apdu, in.charset()).map(ShipTo::oneLine).orElse(null),
                OclcRequestExtension.of(apdu, in.charset()).map(OclcRequestExtension::paysByIfm).orElse(false),
                in.createdAt() != null ? in.createdAt() : LocalDateTime.ofInstant(now, clock.getZone()));
    }

    private static ApduRefused prohibited(IdentifiedApdu in, ProtocolState state, ProtocolEvent event) {
        return new ApduRefused(new Refusal(ReasonCode.PROHIBITED_TRANSITION,
                "A " + in.apdu().type().asnName() + " cannot be accepted for transaction " + in.key()
                        + ": it is " + state.oclcStatus() + " (" + state.currentState() + "), and the ISO ILL protocol"
                        + " does not allow '" + event + "' there.",
                new Refusal.StateTransitionProhibited(in.apdu().type().identifier(), state.currentState())));
    }

    private static ApduRefused refused(ReasonCode code, String sentence, String transactionIdProblem) {
        return new ApduRefused(new Refusal(code, sentence, new Refusal.TransactionIdProblem(transactionIdProblem)));
    }
}
