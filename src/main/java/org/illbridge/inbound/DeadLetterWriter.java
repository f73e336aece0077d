package org.illbridge.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.protocol.ErrorReports;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxEntry;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a refused APDU as a dead letter — its bytes, its JSON where it decoded, the reason code and
 * sentence, the peer and the time — and marks its inbox entry refused, in one database
 * transaction; and, unless the fault is ours, makes the Status-Or-Error-Report the sender is owed.
 */
record DeadLetterWriter(DeadLetterStore deadLetters, InboxStore inbox, TransactionTemplate transactions, Replies replies,
                        Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);
    static final String OUR_FAULT = "no report: the fault was illbridge's, not the sender's";

    /**
     * @param identified the APDU as identified, or null when it was refused before that
     * @param decoded the APDU, when its bytes decode
     */
    InboundOutcome.Refused refuse(ReceivedApdu received, IdentifiedApdu identified, Optional<Apdu> decoded,
                                  Refusal refusal, Throwable cause) {
        Instant now = clock.instant();
        boolean ours = refusal.code() == ReasonCode.INTERNAL_ERROR;
        String json = decoded.map(apdu -> new ApduJson(identified != null ? identified.charset()
                : StandardCharsets.UTF_8).toText(apdu)).orElse(null);
        long id = transactions.execute(tx -> {
            Instant receivedAt = received.inboxId() == null ? now
                    : inbox.find(received.inboxId()).map(InboxEntry::receivedAt).orElse(now);
            long letter = deadLetters.add(received.inboxId(), receivedAt, received.peer(), received.bytes(), json,
                    refusal.code().code(), refusal.sentence(), now);
            if (received.inboxId() != null) {
                inbox.setStatus(received.inboxId(), InboxStatus.REFUSED, "dead letter " + letter + ": " + refusal.sentence());
            }
            if (ours) {
                deadLetters.reportSent(letter, OUR_FAULT);
            }
            return letter;
        });
        if (ours) {
            LOG.error("Could not process inbound APDU (inbox {}); kept as dead letter {}", received.inboxId(), id, cause);
            return new InboundOutcome.Refused(id, refusal, null);
        }
        LOG.warn("Refused inbound APDU (inbox {}) as dead letter {}: {}", received.inboxId(), id, refusal.sentence());
        String ourSymbol = identified != null && identified.site() != null ? identified.site().symbol() : null;
        Apdu report = ErrorReports.of(refusal, decoded.orElse(null), ourSymbol, LocalDateTime.ofInstant(now, clock.getZone()));
        Long transactionId = identified != null && identified.existing() != null ? identified.existing().id() : null;
        return new InboundOutcome.Refused(id, refusal, replies.to(identified, report, transactionId, id));
    }

    /** The refusal of an APDU that illbridge failed to process: replayable once the fault is fixed. */
    static Refusal internal(Throwable cause) {
        String what = cause == null ? "unknown error" : cause.getClass().getSimpleName();
        return new Refusal(ReasonCode.INTERNAL_ERROR,
                "illbridge could not process this APDU (" + what + "; see the service's log at this time); replay it"
                        + " once the problem is fixed.",
                new Refusal.GeneralProblem("other", null));
    }
}
