package org.illbridge.outbound;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.view.Citation;
import org.illbridge.codec.ill.view.ShipTo;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.ActionApdus;
import org.illbridge.protocol.ActionField;
import org.illbridge.protocol.ActionRequest;
import org.illbridge.protocol.Direction;
import org.illbridge.protocol.NewRequest;
import org.illbridge.protocol.OutboundRules;
import org.illbridge.protocol.ProtocolEvent;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.StaffAction;
import org.illbridge.protocol.TransactionKey;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.ManagedBy;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Opening;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.Queue;
import org.illbridge.store.Standing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff actions and new borrowing requests: validated (the partner's rules, the protocol
 * machine), turned into APDUs, and written to the outbox in the same database transaction as the
 * message-file change. What is refused is answered with the reason and advice, and kept as a dead
 * letter; nothing is sent for it.
 */
public final class OutboundService {

    /**
     * What an accepted action did: the request's new state, the outbox entry that will carry it, and
     * a note when a rule changed what was sent.
     */
    public record Queued(IllTransaction request, @JsonProperty("outbox-id") Long outboxId, String note) {
    }

    /** One action staff can take on a request now, with the fields it reads. */
    public record Offer(String action, String label, String apdu, List<ActionField> fields) {
    }

    /**
     * The actions a request allows now: what the protocol machine lets our role send in its state,
     * unless OCLC owns the request ({@code banner} then says so and there are none).
     */
    public record Available(@JsonProperty("request") long requestId, String status, String banner, List<Offer> actions) {
    }

    /** Takes a request out of the Unknown Requester queue into the queue of its state (Pending). */
    public static final String ACCEPT_REQUESTER = "accept-requester";
    /** Answers a request from an unknown requester Not Supplied (policy-problem). */
    public static final String REFUSE_REQUESTER = "refuse-requester";
    private static final ActionField REMEMBER = new ActionField("remember", "Know this requester from now on",
            ActionField.Kind.FLAG, false, List.of());

    private final MessageFileStore messageFile;
    private final OutboxStore outbox;
    private final DeadLetterStore deadLetters;
    private final ProfileRegistry profiles;
    private final TransactionTemplate transactions;
    private final IllCodec codec;
    private final Clock clock;

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

    /** What staff can do to the request now; the staff page draws its action bar from this. */
    public Available available(long requestId) {
        IllTransaction t = find(requestId);
        if (t.isManagedInOclc()) {
            return new Available(t.id(), t.status(), "Update this request in OCLC: it was created before " + t.siteSymbol()
                    + "'s ISO ILL profile was installed, so OCLC's message file is where it is worked.", List.of());
        }
        Peer peer;
        try {
            peer = destination(site(t.siteSymbol()), t.role() == Role.LENDING ? t.requesterSymbol() : t.responderSymbol());
        } catch (IllegalArgumentException noPeer) {
            return new Available(t.id(), t.status(), "Nothing can be sent for this request: " + noPeer.getMessage() + ".",
                    List.of());
        }
        List<Offer> offers = new ArrayList<>();
        if (t.queue() == Queue.UNKNOWN_REQUESTER) {
            // staff decide on the requester first; answering the request at once takes it out of the queue too
            offers.add(new Offer(ACCEPT_REQUESTER, "Accept requester", null, List.of(REMEMBER)));
            offers.add(new Offer(REFUSE_REQUESTER, "Refuse requester", ApduType.ILL_ANSWER.asnName(), List.of(ActionField.NOTE)));
        }
        for (StaffAction action : StaffAction.values()) {
            if (action.allowedIn(t.role(), t.state()) && OutboundRules.offers(action, peer.oclcRules())) {
                offers.add(new Offer(action.apiName(), action.label(), action.apduType().asnName(), action.fields()));
            }
        }
        return new Available(t.id(), t.status(), null, offers);
    }

    /**
     * @param by who acts (their login), for the history
     * @throws IllegalArgumentException when the request or action is not one (a 400 for the caller)
     */
    public Queued act(long requestId, ActionRequest asked, String by) {
        IllTransaction t = find(requestId);
        ActionRequest request = asked.checked(LocalDate.ofInstant(clock.instant(), clock.getZone()));
        if (ACCEPT_REQUESTER.equals(request.action()) || REFUSE_REQUESTER.equals(request.action())) {
            if (t.queue() != Queue.UNKNOWN_REQUESTER) {
                throw new IllegalArgumentException("request " + requestId + " is not in the Unknown Requester queue");
            }
            if (ACCEPT_REQUESTER.equals(request.action())) {
                return accept(t, Boolean.TRUE.equals(request.remember()), by);
            }
            request = new ActionRequest(StaffAction.NOT_SUPPLIED.apiName(), request.note(), "policy-problem", null, null,
                    null, null, null, null, null, null, null, null);
        }
        return act(t, request, by);
    }

    private Queued accept(IllTransaction t, boolean remember, String by) {
        Instant at = clock.instant();
        return transactions.execute(tx -> {
            messageFile.update(t.with(Standing.of(t.state()), at));
            if (remember && t.requesterSymbol() != null) {
                messageFile.addKnownRequester(t.siteSymbol(), t.requesterSymbol(), by, at);
            }
            String note = "Accepted by " + by + (remember ? "; " + t.requesterSymbol() + " is a known requester from now on" : "");
            return new Queued(messageFile.find(t.id()).orElseThrow(), null, note);
        });
    }

    private Queued act(IllTransaction t, ActionRequest request, String by) {
        SiteProfile site = site(t.siteSymbol());
        String partner = t.role() == Role.LENDING ? t.requesterSymbol() : t.responderSymbol();
        Peer peer = destination(site, partner);
        LocalDateTime now = now();
        ActionApdus.Transaction parties = new ActionApdus.Transaction(t.key(), t.requesterSymbol(), t.responderSymbol());
        OutboundRules.Ruling ruling = OutboundRules.rule(StaffAction.ofApiName(request.action()), request,
                new OutboundRules.Setting(t.isManagedInOclc(), site.symbol(), peer.oclcRules(),
                        site.transformBibliographicConditionals()));
        if (ruling.refused() != null) {
            throw refuse(ruling.refused(), t.isManagedInOclc() ? null : apdu(ruling.action(), request, parties, now), peer);
        }
        Apdu apdu = apdu(ruling.action(), ruling.request(), parties, now);
        Optional<OutboundRules.Refused> broken = OutboundRules.check(apdu, peer.oclcRules(), site.illFeeManagement());
        if (broken.isPresent()) {
            throw refuse(broken.get(), apdu, peer);
        }
        ProtocolEvent event = ProtocolEvent.sent(apdu);
        ProtocolState next = ProtocolMachine.next(t.role(), t.state(), event).orElseThrow(() -> refuse(
                new OutboundRules.Refused("state-transition-prohibited",
                        "The request is " + t.status() + " (" + t.state().currentState() + "); the ISO ILL protocol does not allow '"
                                + event + "' there.", "Choose an action the request's state allows."), apdu, peer));
        Instant at = clock.instant();
        return transactions.execute(tx -> enqueue(t, next, apdu, peer, at, ruling.rewritten(), by));
    }

    private IllTransaction find(long requestId) {
        return messageFile.find(requestId).orElseThrow(() -> new NoSuchElementException("no request " + requestId));
    }

    /** @param by who places it (their login), for the history */
    public Queued place(NewRequest request, String by) {
        SiteProfile site = site(request.symbol());
        if (request.responder() == null) {
            throw new IllegalArgumentException("a new request needs a responder: the library (or OCLC) asked");
        }
        Peer peer = destination(site, request.responder());
        LocalDateTime now = now();
        String qualifier = request.transactionQualifier() != null ? request.transactionQualifier()
                : "IB" + Long.toString(clock.millis(), 36).toUpperCase(Locale.ROOT)
                        + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
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
        boolean ifm = site.illFeeManagement() && peer.oclcRules();
        IllTransaction t = IllTransaction.open(new Opening(Role.BORROWING, site.symbol(), key, site.symbol(), request.responder(),
                        Citation.of(apdu, StandardCharsets.UTF_8), ShipTo.of(apdu, StandardCharsets.UTF_8).map(ShipTo::oneLine).orElse(null),
                        ifm, now),
                Standing.of(ProtocolState.IDLE), ManagedBy.ISO, at);
        try {
            return transactions.execute(tx -> enqueue(messageFile.create(t), ProtocolState.PENDING, apdu, peer, at, null, by));
        } catch (DuplicateKeyException taken) {
            throw new IllegalArgumentException("a request with transaction-id " + key + " already exists: OCLC needs"
                    + " a new transaction-id for each request", taken);
        }
    }

    /** @param note what staff should know about what was sent (a rule that rewrote it), or null */
    private Queued enqueue(IllTransaction t, ProtocolState next, Apdu apdu, Peer peer, Instant at, String note, String by) {
        messageFile.update(t.with(Standing.after(t.standing(), next, ProtocolEvent.sent(apdu)), at));
        String json = json(apdu);
        long id = outbox.enqueue(t.id(), t.siteSymbol(), peer.symbol(), apdu.type().asnName(), json, at);
        messageFile.addHistory(t.id(), null, Direction.OUT, apdu.type().asnName(), peer.symbol(), at, encode(apdu),
                StandardCharsets.UTF_8,
                "queued for " + peer.symbol() + " (outbox " + id + ")" + (by != null ? " by " + by : "")
                        + (note != null ? "; " + note : ""));
        return new Queued(messageFile.find(t.id()).orElseThrow(), id, note);
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
        return ApduJson.utf8().toText(apdu);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), clock.getZone());
    }
}
