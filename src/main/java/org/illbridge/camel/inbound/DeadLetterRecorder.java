package org.illbridge.camel.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.apache.camel.Exchange;
import org.illbridge.camel.InboxWriter;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter channel's end: stores a refused APDU with its bytes, its JSON where it decoded,
 * the reason code and sentence, the peer and the time; marks its inbox entry refused; and, unless
 * the fault is ours, puts the Status-Or-Error-Report for the sender in the {@link Outcome#REPLY}
 * header. A failure here is not swallowed: the route has no error handler of its own.
 */
public final class DeadLetterRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecorder.class);

    /** The id of the dead letter just stored. */
    public static final String DEAD_LETTER_ID = "IllbridgeDeadLetterId";
    /** How the error report went (or why it did not), from {@link ReplyDelivery}. */
    public static final String REPORT_OUTCOME = "IllbridgeReplyOutcome";

    private final DeadLetterStore deadLetters;
    private final InboxStore inbox;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public DeadLetterRecorder(DeadLetterStore deadLetters, InboxStore inbox, Clock clock) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.clock = clock;
    }

    public void store(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Refusal refusal = cause instanceof RefusedApduException refused ? refused.refusal() : internal(cause);
        InboundApdu inbound = exchange.getMessage().getHeader(InboundApdu.HEADER, InboundApdu.class);
        Apdu apdu = inbound != null ? inbound.apdu() : null;
        Long inboxId = exchange.getMessage().getHeader(InboxWriter.INBOX_ID, Long.class);
        Instant now = clock.instant();
        Instant receivedAt = inboxId == null ? now : inbox.find(inboxId).map(InboxEntry::receivedAt).orElse(now);
        String json = apdu == null ? null : mapper.writeValueAsString(new ApduJson(inbound.charset()).toJson(apdu));
        long id = deadLetters.add(inboxId, receivedAt, exchange.getMessage().getHeader(InboxWriter.PEER, String.class),
                exchange.getMessage().getBody(byte[].class), json, refusal.code().code(), refusal.sentence(), now);
        if (inboxId != null) {
            inbox.setStatus(inboxId, InboxStatus.REFUSED, "dead letter " + id + ": " + refusal.sentence());
        }
        if (refusal.code() == ReasonCode.INTERNAL_ERROR) {
            LOG.error("Could not process inbound APDU (inbox {}); kept as dead letter {}", inboxId, id, cause);
        } else {
            LOG.warn("Refused inbound APDU (inbox {}) as dead letter {}: {}", inboxId, id, refusal.sentence());
        }
        exchange.getMessage().setHeader(DEAD_LETTER_ID, id);
        exchange.getMessage().setHeader(Outcome.HEADER, InboxStatus.REFUSED.code());
        if (refusal.code() != ReasonCode.INTERNAL_ERROR) {
            String ourSymbol = inbound != null && inbound.site() != null ? inbound.site().symbol() : null;
            exchange.getMessage().setHeader(Outcome.REPLY, ErrorReports.of(refusal, apdu, ourSymbol,
                    LocalDateTime.ofInstant(now, clock.getZone())));
        }
    }

    /** Notes on the dead letter whether the sender got its error report. */
    public void noteReport(Exchange exchange) {
        String outcome = exchange.getMessage().getHeader(REPORT_OUTCOME, String.class);
        Long id = exchange.getMessage().getHeader(DEAD_LETTER_ID, Long.class);
        if (id != null) {
            deadLetters.reportSent(id, outcome != null ? outcome : "no report: the fault was illbridge's, not the sender's");
        }
    }

    private static Refusal internal(Exception cause) {
        String what = cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new Refusal(ReasonCode.INTERNAL_ERROR,
                "illbridge could not process this APDU (" + what + "); replay it once the problem is fixed.",
                new Refusal.GeneralProblem("other", null));
    }
}
