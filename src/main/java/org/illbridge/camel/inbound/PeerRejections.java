package org.illbridge.camel.inbound;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Status-Or-Error-Report with an error report that a peer sends about one of our
 * transactions rejects the APDU we last sent for it: the outbox entry is marked rejected and a
 * dead letter says what the peer objected to, so staff see it and can resend after a fix.
 */
public final class PeerRejections {

    private final MessageFileStore messageFile;
    private final OutboxStore outbox;
    private final DeadLetterStore deadLetters;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public PeerRejections(MessageFileStore messageFile, OutboxStore outbox, DeadLetterStore deadLetters, Clock clock) {
        this.messageFile = messageFile;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    public void record(Exchange exchange) {
        InboundApdu inbound = exchange.getMessage().getHeader(InboundApdu.HEADER, InboundApdu.class);
        if (!InboxStatus.APPLIED.code().equals(exchange.getMessage().getHeader(Outcome.HEADER, String.class))
                || inbound.apdu().type() != ApduType.STATUS_OR_ERROR_REPORT || inbound.apdu().at("error-report").isEmpty()) {
            return;
        }
        IllTransaction t = messageFile.find(inbound.role(), inbound.site().symbol(), inbound.key()).orElse(null);
        if (t == null) {
            return;
        }
        outbox.lastSent(t.id()).ifPresent(ours -> {
            String why = describe(inbound.apdu(), inbound);
            outbox.rejected(ours.id(), why);
            deadLetters.addOutbound(ours.id(), inbound.senderSymbol(), exchange.getMessage().getBody(byte[].class),
                    mapper.writeValueAsString(new ApduJson(inbound.charset()).toJson(inbound.apdu())), "rejected-by-peer",
                    (inbound.senderSymbol() != null ? inbound.senderSymbol() : "The peer") + " rejected our " + ours.apduType()
                            + " (outbox " + ours.id() + "): " + why, clock.instant());
        });
    }

    /** The peer's reason: its error report's problem and its note. */
    private static String describe(Apdu report, InboundApdu inbound) {
        StringBuilder why = new StringBuilder();
        report.at("error-report", "provider-error-report").or(() -> report.at("error-report", "user-error-report"))
                .map(choice -> (AsnValue.Choice) choice)
                .ifPresent(choice -> why.append(choice.alternative()).append(' ').append(value(choice.value())));
        report.text(inbound.charset(), "note").ifPresent(note -> why.append(why.isEmpty() ? "" : "; ").append(note));
        return why.isEmpty() ? "no reason given" : why.toString();
    }

    private static String value(AsnValue value) {
        if (value instanceof AsnValue.Enumerated e) {
            return e.identifier() != null ? e.identifier() : String.valueOf(e.number());
        }
        if (value instanceof AsnValue.Sequence s) {
            return s.fields().stream().map(f -> f.name() + "=" + value(f.value())).toList().toString();
        }
        return String.valueOf(value);
    }
}
