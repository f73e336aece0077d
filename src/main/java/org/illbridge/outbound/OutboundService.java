package org.illbridge.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.ActionApdus;
import org.illbridge.protocol.ActionRequest;
import org.illbridge.protocol.NewRequest;
import org.illbridge.protocol.OutboundRules;
import org.illbridge.protocol.ProtocolEvent;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.StaffAction;
import org.illbridge.protocol.TransactionKey;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff actions and new borrowing requests: validated (the partner's rules, the protocol
 * machine), turned into APDUs, and written to the outbox in the same database transaction as the
 * message-file change. What is refused is answered with the reason and advice, and kept as a dead
 * letter; nothing is sent for it.
 */
public final class OutboundService {

    /** What an accepted action did: the request's new state and the outbox entry that will carry it. */
    public record Queued(IllTransaction request, @com.fasterxml.jackson.annotation.JsonProperty("outbox-id") long outboxId) {
    }

    private final MessageFileStore messageFile;
    private final OutboxStore outbox;
    private final DeadLetterStore deadLetters;
    private final ProfileRegistry profiles;
    private final TransactionTemplate transactions;
    private final IllCodec codec;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public OutboundService(MessageFileStore messageFile, OutboxStore outbox, DeadLetterStore deadLetters,
                           ProfileRegistry profiles, TransactionTemplate transactions, IllCodec codec, Clock clock) {
        this.messageFile = messageFile;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.profiles = profiles;
        this.transactions = transactions;
        this.codec = codec;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the request or action is not one (a 400 for the caller) */
    public Queued act(long requestId, ActionRequest request) {
        IllTransaction t = messageFile.find(requestId)
                .orElseThrow(() -> new java.util.NoSuchElementException("no request " + requestId));
        StaffAction action = StaffAction.ofApiName(request.action());
        SiteProfile site = site(t.siteSymbol());
        String partner = t.role() == Role.LENDING ? t.requesterSymbol() : t.responderSymbol();
        Peer peer = destination(site, partner);
        LocalDateTime now = now();
        if (IllTransaction.MANAGED_IN_OCLC.equals(t.managedBy())) {
            throw refuse(new OutboundRules.Refused("predates-profile",
                    "This request was created before " + site.symbol() + "'s ISO ILL profile: it belongs to OCLC.",
                    "Update this request in OCLC (Passport or the OCLC ILL Web interface)."), null, peer);
        }
        ActionApdus.Transaction parties = new ActionApdus.Transaction(t.key(), t.requesterSymbol(), t.responderSymbol());
        if (action == StaffAction.CONDITIONAL && Boolean.TRUE.equals(request.bibliographic()) && peer.oclcRules()) {
            if (!site.transformBibliographicConditionals()) {
                throw refuse(OutboundRules.bibliographicConditional(), apdu(action, request, parties, now), peer);
            }
            action = StaffAction.NOT_SUPPLIED;
            request = new ActionRequest("not-supplied", request.note(), "not-found-as-cited", null, null, null, null, null);
        }
        Apdu apdu = apdu(action, request, parties, now);
        Optional<OutboundRules.Refused> broken = OutboundRules.check(apdu, peer.oclcRules(), site.illFeeManagement());
        if (broken.isPresent()) {
            throw refuse(broken.get(), apdu, peer);
        }
        ProtocolEvent event = ProtocolEvent.sent(apdu);
        ProtocolState next = ProtocolMachine.next(t.role(), t.state(), event).orElseThrow(() -> refuse(
                new OutboundRules.Refused("state-transition-prohibited",
                        "The request is " + t.status() + " (" + t.state().currentState() + "); the ISO ILL protocol does not allow '"
                                + event + "' there.", "Choose an action the request's state allows."), apdu, peer));
        return queue(t, next, apdu, peer);
    }

    public Queued place(NewRequest request) {
        SiteProfile site = site(request.symbol());
        if (request.responder() == null) {
            throw new IllegalArgumentException("a new request needs a responder: the library (or OCLC) asked");
        }
        Peer peer = destination(site, request.responder());
        LocalDateTime now = now();
        String qualifier = request.transactionQualifier() != null ? request.transactionQualifier()
                : "IB" + Long.toString(clock.millis(), 36).toUpperCase(java.util.Locale.ROOT)
                        + "-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 10000);
        Apdu apdu;
        try {
            apdu = request.toApdu(qualifier, site.illFeeManagement() && peer.oclcRules(), now);
        } catch (JsonViewException e) {
            throw new IllegalArgumentException("the request does not make a valid ILL-Request: " + e.getMessage(), e);
        }
        Optional<OutboundRules.Refused> broken = OutboundRules.check(apdu, peer.oclcRules(), site.illFeeManagement());
        if (broken.isPresent()) {
            throw refuse(broken.get(), apdu, peer);
        }
        TransactionKey key = new TransactionKey("", request.symbol(), qualifier, "");
        Instant at = clock.instant();
        IllTransaction t = new IllTransaction(0, Role.BORROWING, site.symbol(), key, ProtocolState.IDLE, "New", "New",
                IllTransaction.MANAGED_HERE, false, site.symbol(), request.responder(), request.title(), request.author(),
                request.needBefore(), null, request.maximumCost() == null ? null
                        : (request.maximumCost().currency() == null ? "" : request.maximumCost().currency() + " ") + request.maximumCost().value(),
                site.illFeeManagement() && peer.oclcRules(), now, at);
        try {
            return transactions.execute(tx -> {
                IllTransaction created = messageFile.create(t);
                return enqueue(created, ProtocolState.PENDING, apdu, peer, at);
            });
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw new IllegalArgumentException("a request with transaction-id " + key + " already exists: OCLC needs"
                    + " a new transaction-id for each request", taken);
        }
    }

    private Queued queue(IllTransaction t, ProtocolState next, Apdu apdu, Peer peer) {
        Instant at = clock.instant();
        return transactions.execute(tx -> enqueue(t, next, apdu, peer, at));
    }

    private Queued enqueue(IllTransaction t, ProtocolState next, Apdu apdu, Peer peer, Instant at) {
        IllTransaction updated = t.withState(next, next.oclcStatus(), next.oclcStatus(), at);
        messageFile.update(updated);
        String json = json(apdu);
        long id = outbox.enqueue(t.id(), t.siteSymbol(), peer.symbol(), apdu.type().asnName(), json, at);
        messageFile.addHistory(t.id(), null, HistoryEntry.OUT, apdu.type().asnName(), peer.symbol(), at, encode(apdu), json,
                "queued for " + peer.symbol() + " (outbox " + id + ")");
        return new Queued(messageFile.find(t.id()).orElseThrow(), id);
    }

    private ActionRefusedException refuse(OutboundRules.Refused refused, Apdu apdu, Peer peer) {
        Long deadLetter = apdu == null ? null : deadLetters.addOutbound(null, peer.symbol(), encode(apdu), json(apdu),
                refused.code(), refused.reason() + " " + refused.advice(), clock.instant());
        return new ActionRefusedException(refused, deadLetter);
    }

    private Apdu apdu(StaffAction action, ActionRequest request, ActionApdus.Transaction parties, LocalDateTime now) {
        try {
            return ActionApdus.of(action, request, parties, now);
        } catch (JsonViewException e) {
            throw new IllegalArgumentException("the action does not make a valid " + action.apduType().asnName() + ": "
                    + e.getMessage(), e);
        }
    }

    private SiteProfile site(String symbol) {
        return profiles.current().site(symbol).orElseThrow(() ->
                new IllegalArgumentException("no ISO ILL profile is configured for " + symbol));
    }

    /** Where APDUs to {@code partner} go: its own peer profile, else the site's OCLC peer. */
    private static Peer destination(SiteProfile site, String partner) {
        return Optional.ofNullable(partner).flatMap(site::peer)
                .or(() -> site.peers().stream().filter(Peer::oclcRules).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no peer is profiled for " + partner + " at " + site.symbol()
                        + ", and no OCLC peer either: add it to the profile"));
    }

    private byte[] encode(Apdu apdu) {
        try {
            return codec.encode(apdu);
        } catch (EncodeException e) {
            throw new IllegalStateException("an APDU illbridge built does not encode: " + e.getMessage(), e);
        }
    }

    private String json(Apdu apdu) {
        return mapper.writeValueAsString(ApduJson.utf8().toJson(apdu));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), clock.getZone());
    }
}
