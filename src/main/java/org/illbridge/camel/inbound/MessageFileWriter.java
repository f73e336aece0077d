package org.illbridge.camel.inbound;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.illbridge.camel.InboxWriter;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllTypes;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.profile.UnknownRequesterPolicy;
import org.illbridge.protocol.ProtocolEvent;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.StatusReports;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an identified inbound APDU to the message file, each in one database transaction that
 * also marks the APDU applied, so it is applied once however often it arrives and whichever
 * instance receives it:
 * <ul>
 *   <li>{@link #apply}: an ISO-managed APDU drives the protocol machine; a prohibited one is refused;
 *   <li>{@link #applyFromUnknownRequester}: as the site's policy for unknown requesters says;
 *   <li>{@link #recordForOclc}: a request that predates the profile is recorded and flagged
 *       "update this request in OCLC"; nothing is sent for it.
 * </ul>
 */
public final class MessageFileWriter {

    public static final String UNKNOWN_REQUESTER_QUEUE = "Unknown Requester";
    public static final String OCLC_QUEUE = "OCLC";
    private static final String UPDATE_IN_OCLC = "Update in OCLC";

    private final MessageFileStore messageFile;
    private final InboxStore inbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public MessageFileWriter(MessageFileStore messageFile, InboxStore inbox, TransactionTemplate transactions, Clock clock) {
        this.messageFile = messageFile;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Applies an APDU of an ISO-managed transaction. */
    public void apply(Exchange exchange) {
        write(exchange, null);
    }

    public void applyFromUnknownRequester(Exchange exchange) {
        InboundApdu inbound = inbound(exchange);
        UnknownRequesterPolicy policy = inbound.site().unknownRequesters();
        if (policy == UnknownRequesterPolicy.REFUSE) {
            throw new RefusedApduException(new Refusal(ReasonCode.UNKNOWN_REQUESTER,
                    "The request comes from " + describe(inbound.requesterSymbol()) + ", a requester " + inbound.site().symbol()
                            + " does not know, and the site's policy is to refuse such requests.",
                    new Refusal.UnableToPerform("not-available", null)));
        }
        write(exchange, policy == UnknownRequesterPolicy.QUEUE ? UNKNOWN_REQUESTER_QUEUE : null);
    }

    /** Refuses an APDU addressed to a symbol this service does not serve. */
    public void refuseUnknownSymbol(Exchange exchange) {
        InboundApdu inbound = inbound(exchange);
        throw new RefusedApduException(new Refusal(ReasonCode.UNKNOWN_SYMBOL,
                "The " + inbound.apdu().type().asnName() + " is addressed to a library this service does not serve"
                        + " (no ISO ILL profile is configured for its symbols).",
                new Refusal.UnableToPerform("not-available", null)));
    }

    public void recordForOclc(Exchange exchange) {
        InboundApdu inbound = inbound(exchange);
        Instant now = clock.instant();
        boolean applied = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!messageFile.markApplied(inbound.hash(), inboxId(exchange), now)) {
                tx.setRollbackOnly();
                return false;
            }
            IllTransaction t = messageFile.find(inbound.role(), inbound.site().symbol(), inbound.key())
                    .orElseGet(() -> messageFile.create(newTransaction(inbound, ProtocolState.IDLE, UPDATE_IN_OCLC, OCLC_QUEUE,
                            IllTransaction.MANAGED_IN_OCLC, now)));
            ProtocolState next = ProtocolMachine.next(inbound.role(), t.state(), ProtocolEvent.received(inbound.apdu()))
                    .orElse(t.state());
            messageFile.update(t.withState(next, UPDATE_IN_OCLC, OCLC_QUEUE, now));
            history(exchange, inbound, t.id(), now, "predates the " + inbound.site().symbol()
                    + " ISO ILL profile: update this request in OCLC");
            return true;
        }));
        finish(exchange, inbound, applied, InboxStatus.RECORDED_FOR_OCLC,
                "recorded; the request predates the ISO ILL profile and is updated in OCLC", now);
    }

    private void write(Exchange exchange, String queue) {
        InboundApdu inbound = inbound(exchange);
        Instant now = clock.instant();
        IllTransaction[] result = new IllTransaction[1];
        boolean applied = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!messageFile.markApplied(inbound.hash(), inboxId(exchange), now)) {
                tx.setRollbackOnly();
                return false;
            }
            Optional<IllTransaction> held = messageFile.find(inbound.role(), inbound.site().symbol(), inbound.key());
            ApduType type = inbound.apdu().type();
            if (type == ApduType.ILL_REQUEST && held.isPresent()) {
                throw refused(ReasonCode.DUPLICATE_TRANSACTION, "An ILL-Request with transaction-id " + inbound.key()
                        + " was received before; a new request needs a new transaction-id.", "duplicate-transaction-id");
            }
            if (type != ApduType.ILL_REQUEST && held.isEmpty()) {
                throw refused(ReasonCode.UNKNOWN_TRANSACTION, "The " + type.asnName() + " is about transaction "
                        + inbound.key() + ", which " + inbound.site().symbol() + " has no record of.", "unknown-transaction-id");
            }
            ProtocolState state = held.map(IllTransaction::state).orElse(ProtocolState.IDLE);
            ProtocolEvent event = ProtocolEvent.received(inbound.apdu());
            ProtocolState next = ProtocolMachine.next(inbound.role(), state, event).orElseThrow(() ->
                    prohibited(inbound, state, event));
            String status = type == ApduType.EXPIRED ? "Expired" : next.oclcStatus();
            IllTransaction t = held.orElseGet(() -> messageFile.create(newTransaction(inbound, next, status,
                    queue != null ? queue : status, IllTransaction.MANAGED_HERE, now)));
            String newQueue = next == state && t.queue().equals(UNKNOWN_REQUESTER_QUEUE) ? t.queue()
                    : held.isEmpty() ? t.queue() : status;
            IllTransaction updated = t.withState(next, held.isEmpty() ? t.status() : status, newQueue, now);
            messageFile.update(updated);
            history(exchange, inbound, t.id(), now, null);
            result[0] = updated;
            return true;
        }));
        finish(exchange, inbound, applied, InboxStatus.APPLIED, applied ? "applied to transaction " + result[0].id() : null, now);
        if (applied && inbound.apdu().type() == ApduType.STATUS_QUERY) {
            exchange.getMessage().setHeader(Outcome.REPLY, statusReport(inbound, result[0]));
        }
    }

    private void finish(Exchange exchange, InboundApdu inbound, boolean applied, InboxStatus status, String detail,
                        Instant now) {
        Long inboxId = inboxId(exchange);
        if (applied) {
            exchange.getMessage().setHeader(Outcome.HEADER, status.code());
            if (inboxId != null) {
                inbox.setStatus(inboxId, status, detail);
            }
            return;
        }
        exchange.getMessage().setHeader(Outcome.HEADER, InboxStatus.DUPLICATE.code());
        messageFile.find(inbound.role(), inbound.site().symbol(), inbound.key()).ifPresent(t ->
                history(exchange, inbound, t.id(), now, "the same APDU was received before; recorded, not applied again"));
        if (inboxId != null) {
            inbox.setStatus(inboxId, InboxStatus.DUPLICATE, "the same APDU was applied before; not applied again");
        }
    }

    private void history(Exchange exchange, InboundApdu inbound, long transactionId, Instant now, String note) {
        messageFile.addHistory(transactionId, inboxId(exchange), HistoryEntry.IN, inbound.apdu().type().asnName(),
                exchange.getMessage().getHeader(InboxWriter.PEER, String.class), now,
                exchange.getMessage().getBody(byte[].class), json(inbound.apdu(), inbound.charset()), note);
    }

    private Apdu statusReport(InboundApdu inbound, IllTransaction t) {
        List<HistoryEntry> history = new ArrayList<>(messageFile.history(t.id()));
        HistoryEntry recent = history.size() > 1 ? history.get(history.size() - 2) : history.get(history.size() - 1);
        String initiator = HistoryEntry.IN.equals(recent.direction()) ? inbound.senderSymbol() : inbound.site().symbol();
        ZoneId zone = clock.getZone();
        return StatusReports.answer(inbound.apdu(), new StatusReports.Known(t.state(), t.createdAt(),
                LocalDateTime.ofInstant(t.updatedAt(), zone), t.title(), t.author(), ApduType.ofAsnName(recent.apduType()),
                LocalDateTime.ofInstant(recent.at(), zone), initiator != null ? initiator : inbound.site().symbol()),
                LocalDateTime.ofInstant(clock.instant(), zone));
    }

    private IllTransaction newTransaction(InboundApdu inbound, ProtocolState state, String status, String queue,
                                          String managedBy, Instant now) {
        Apdu apdu = inbound.apdu();
        Charset charset = inbound.charset();
        boolean lending = inbound.role() == Role.LENDING;
        return new IllTransaction(0, inbound.role(), inbound.site().symbol(), inbound.key(), state, status, queue, managedBy,
                IllTransaction.MANAGED_IN_OCLC.equals(managedBy),
                lending ? inbound.requesterSymbol() : inbound.site().symbol(),
                lending ? inbound.site().symbol() : inbound.senderSymbol(),
                apdu.text(charset, "item-id", "title").orElse(null),
                apdu.text(charset, "item-id", "author").orElse(null),
                apdu.text(charset, "search-type", "need-before-date").orElse(null),
                shipTo(apdu, charset),
                maximumCost(apdu, charset),
                paysByIfm(apdu, charset),
                inbound.createdAt() != null ? inbound.createdAt() : LocalDateTime.ofInstant(now, clock.getZone()),
                now);
    }

    private static String shipTo(Apdu apdu, Charset charset) {
        List<String> lines = new ArrayList<>();
        for (String line : List.of("name-of-person-or-institution", "extended-postal-delivery-address", "street-and-number",
                "post-office-box", "city", "region", "postal-code", "country")) {
            Optional<String> text = line.equals("name-of-person-or-institution")
                    ? apdu.at("delivery-address", "postal-address", line)
                            .map(c -> ((AsnValue.Choice) c).value())
                            .flatMap(v -> ((AsnValue.IllString) v).text(charset))
                    : apdu.text(charset, "delivery-address", "postal-address", line);
            text.ifPresent(lines::add);
        }
        apdu.text(charset, "delivery-address", "electronic-address", "telecom-service-address").ifPresent(lines::add);
        return lines.isEmpty() ? null : String.join(", ", lines);
    }

    private static String maximumCost(Apdu apdu, Charset charset) {
        return apdu.text(charset, "cost-info-type", "maximum-cost", "monetary-value")
                .map(value -> apdu.text(charset, "cost-info-type", "maximum-cost", "currency-code").map(c -> c + " ").orElse("") + value)
                .orElse(null);
    }

    /** OCLC's request extension says paymentMethod IFM (ILL Fee Management). */
    private static boolean paysByIfm(Apdu apdu, Charset charset) {
        return apdu.at("iLL-request-extensions").map(extensions -> ((AsnValue.SequenceOf) extensions).elements().stream()
                .map(e -> ((AsnValue.Sequence) e).get("item").orElse(null))
                .filter(item -> item instanceof AsnValue.Typed)
                .map(item -> ((AsnValue.Sequence) ((AsnValue.Typed) item).value()).get("encoding").orElse(null))
                .filter(encoding -> encoding instanceof AsnValue.Choice choice && choice.value() instanceof AsnValue.Typed)
                .map(encoding -> (AsnValue.Typed) ((AsnValue.Choice) encoding).value())
                .filter(typed -> typed.typeName().equals("OCLCILLRequestExtension"))
                .anyMatch(typed -> ((AsnValue.Sequence) typed.value()).get("paymentMethod")
                        .flatMap(p -> ((AsnValue.IllString) p).text(charset)).filter("IFM"::equalsIgnoreCase).isPresent()))
                .orElse(false);
    }

    private String json(Apdu apdu, Charset charset) {
        return mapper.writeValueAsString(new ApduJson(charset).toJson(apdu));
    }

    private static RefusedApduException prohibited(InboundApdu inbound, ProtocolState state, ProtocolEvent event) {
        String apduType = IllTypes.ILL_APDU_TYPE.identifiers()
                .get((long) inbound.apdu().type().applicationTag());
        return new RefusedApduException(new Refusal(ReasonCode.PROHIBITED_TRANSITION,
                "A " + inbound.apdu().type().asnName() + " cannot be accepted for transaction " + inbound.key()
                        + ": it is " + state.oclcStatus() + " (" + state.currentState() + "), and the ISO ILL protocol"
                        + " does not allow '" + event + "' there.",
                new Refusal.StateTransitionProhibited(apduType, state.currentState())));
    }

    private static RefusedApduException refused(ReasonCode code, String sentence, String transactionIdProblem) {
        return new RefusedApduException(new Refusal(code, sentence, new Refusal.TransactionIdProblem(transactionIdProblem)));
    }

    private static String describe(String symbol) {
        return symbol == null ? "an unnamed library" : symbol;
    }

    private static InboundApdu inbound(Exchange exchange) {
        return exchange.getMessage().getHeader(InboundApdu.HEADER, InboundApdu.class);
    }

    private static Long inboxId(Exchange exchange) {
        return exchange.getMessage().getHeader(InboxWriter.INBOX_ID, Long.class);
    }
}
