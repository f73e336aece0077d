package org.illbridge.outbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.view.DeliveryInfo;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import org.illbridge.config.OutboundProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.Interaction;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.Direction;
import org.illbridge.protocol.OutboundRules;
import org.illbridge.protocol.ProtocolEvent;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ProtocolState;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxEntry;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.ReceivedBytes;
import org.illbridge.store.Standing;
import org.illbridge.store.TransactionChangedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bookkeeping around sending claimed outbox entries; the sending itself is the outbox
 * route's. {@link #prepare} encodes an entry with an APDU-Delivery-Info extension naming our
 * address and symbol, and extends this instance's claim on it over the whole attempt (connect,
 * reply, previous addresses, with a margin); {@link #sent} records where it went — retrying the
 * record, never the send, while the database does not take it; {@link #failed} schedules the next
 * attempt with back-off, or after the last one makes the APDU a "sending failed" dead letter that
 * can be resent. Every update names the claim's token, so it holds only while the claim is this
 * instance's. Every attempt is in the request's history.
 */
public final class OutboxDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliveries.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final Duration RECORD_RETRY = Duration.ofSeconds(1);
    /** How often a legacy row is checked again when its request changed meanwhile, before the attempt counts as failed. */
    private static final int CHANGED_MEANWHILE_CHECKS = 3;

    private final OutboxStore outbox;
    private final MessageFileStore messageFile;
    private final DeadLetterStore deadLetters;
    private final InboxIntake inbox;
    private final ProfileRegistry profiles;
    private final IllCodec codec;
    private final TransactionTemplate transactions;
    private final OutboundProperties properties;
    private final Clock clock;

    public OutboxDeliveries(OutboxStore outbox, MessageFileStore messageFile, DeadLetterStore deadLetters, InboxIntake inbox,
                            ProfileRegistry profiles, IllCodec codec, TransactionTemplate transactions,
                            OutboundProperties properties, Clock clock) {
        this.outbox = outbox;
        this.messageFile = messageFile;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.profiles = profiles;
        this.codec = codec;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The claimed rows, one list per peer (of one site), each in the order the rows were written
     * (by id: a claim statement's RETURNING gives no order): a peer gets its APDUs in that order,
     * while different peers are sent to at once.
     */
    public List<List<Map<String, Object>>> byPeer(List<Map<String, Object>> rows) {
        List<Map<String, Object>> written = new ArrayList<>(rows);
        written.sort(Comparator.comparingLong(row -> ((Number) row.get("id")).longValue()));
        Map<String, List<Map<String, Object>>> peers = new LinkedHashMap<>();
        for (Map<String, Object> row : written) {
            peers.computeIfAbsent(row.get("site_symbol") + "/" + row.get("peer_symbol"), peer -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(peers.values());
    }

    /** A claimed row as the SQL consumer hands it on: column name to value. */
    public OutboxEntry entryOf(Map<String, Object> row) {
        return OutboxStore.fromRow(row);
    }

    /**
     * @throws IOException when the entry cannot be sent as it stands (no profile, no address, bad JSON)
     * @throws ClaimLostException when another instance holds the entry now
     */
    public Delivery prepare(OutboxEntry entry) throws IOException, ClaimLostException, OutboxEntryRefusedException {
        SiteProfile site = profiles.current().site(entry.siteSymbol())
                .orElseThrow(() -> new IOException("no profile for " + entry.siteSymbol()));
        Peer peer = site.peer(entry.peerSymbol())
                .orElseThrow(() -> new IOException("no peer " + entry.peerSymbol() + " in the " + site.symbol() + " profile"));
        List<String> addresses = peer.addressesAt(LocalDateTime.ofInstant(clock.instant(), clock.getZone()));
        if (addresses.isEmpty()) {
            throw new IOException("no address is profiled for " + peer.symbol());
        }
        Delivery delivery;
        try {
            DeliveryInfo info = new DeliveryInfo(List.of(DeliveryInfo.Party.of(site.ourAddress(), site.symbol())),
                    List.of(DeliveryInfo.Party.of(peer.address(), peer.symbol())));
            Apdu apdu = Extensions.add(new ApduJson(peer.charset()).fromText(entry.apdu()), info.toExtension());
            delivery = new Delivery(entry, apdu, peer.charset(), codec.encode(apdu), addresses.get(0),
                    addresses.subList(1, addresses.size()), peer.interaction() == Interaction.SAME_CONNECTION);
        } catch (JsonViewException | EncodeException e) {
            throw new IOException("the outbox entry's APDU is not valid: " + e.getMessage(), e);
        }
        // the claim must still be ours, and its lease outlast this attempt: extended (a committed update) only
        // when it would not, else only read
        Instant attemptEnds = clock.instant().plus(attemptLease(delivery));
        boolean leaseSuffices = entry.nextAttemptAt() != null && entry.nextAttemptAt().isAfter(attemptEnds);
        if (leaseSuffices ? !outbox.holds(entry.id(), entry.claimToken())
                : !outbox.renew(entry.id(), entry.claimToken(), attemptEnds)) {
            throw new ClaimLostException(entry.id());
        }
        if (entry.fromLegacySystem()) {
            checkLegacyRow(entry, site, peer, delivery);
        }
        return delivery;
    }

    /**
     * A row a legacy system wrote passes what a staff action passes: the partner's rules, and where it
     * names a request, the protocol machine (whose new state it then takes, as a staff action's does).
     * A refused row is rejected, not sent, and kept as a dead letter with its sentence. A request
     * another writer changed while the row was checked is read and the row checked again at once,
     * rather than the attempt failing and waiting for the first retry (minutes).
     */
    private void checkLegacyRow(OutboxEntry entry, SiteProfile site, Peer peer, Delivery delivery)
            throws OutboxEntryRefusedException {
        for (int check = 1; ; check++) {
            try {
                checkLegacyRowOnce(entry, site, peer, delivery);
                return;
            } catch (TransactionChangedException changedMeanwhile) {
                if (check == CHANGED_MEANWHILE_CHECKS) {
                    throw changedMeanwhile;
                }
                LOG.info("{}; checking outbox {} from the legacy system again", changedMeanwhile.getMessage(), entry.id());
            }
        }
    }

    private void checkLegacyRowOnce(OutboxEntry entry, SiteProfile site, Peer peer, Delivery delivery)
            throws OutboxEntryRefusedException {
        Apdu apdu = delivery.apdu();
        Optional<OutboundRules.Refused> refused = OutboundRules.check(apdu, peer.oclcRules(), site.illFeeManagement());
        IllTransaction t = entry.transactionId() == null ? null : messageFile.find(entry.transactionId()).orElse(null);
        ProtocolEvent event = ProtocolEvent.sent(apdu);
        Optional<ProtocolState> next = t == null ? Optional.empty() : ProtocolMachine.next(t.role(), t.state(), event);
        if (refused.isEmpty() && t != null && t.isManagedInOclc()) {
            refused = Optional.of(new OutboundRules.Refused("predates-profile", "Request " + t.id() + " was created before "
                    + site.symbol() + "'s ISO ILL profile: it belongs to OCLC.", "Update this request in OCLC."));
        } else if (refused.isEmpty() && t != null && next.isEmpty()) {
            refused = Optional.of(new OutboundRules.Refused("state-transition-prohibited", "Request " + t.id() + " is "
                    + t.status() + " (" + t.state().currentState() + "); the ISO ILL protocol does not allow '" + event
                    + "' there.", "Send what the request's state allows."));
        }
        Instant now = clock.instant();
        if (refused.isPresent()) {
            OutboundRules.Refused why = refused.get();
            String sentence = why.reason() + " " + why.advice();
            transactions.executeWithoutResult(tx -> {
                outbox.rejected(entry.id(), sentence);
                deadLetters.addOutbound(entry.id(), peer.symbol(), delivery.bytes(), entry.apdu(), why.code(), sentence, now);
            });
            LOG.warn("Refused outbox {} from the legacy system, not sent: {}", entry.id(), sentence);
            throw new OutboxEntryRefusedException(entry.id(), sentence);
        }
        transactions.executeWithoutResult(tx -> {
            outbox.checked(entry.id(), entry.claimToken());
            next.ifPresent(state -> messageFile.update(t.with(Standing.after(t.standing(), state, event), now)));
        });
    }

    /** The longest one attempt can take: connecting, waiting for a reply, the previous addresses; and a margin. */
    Duration attemptLease(Delivery delivery) {
        Duration lease = properties.connectTimeout().multipliedBy(1 + delivery.previousAddresses().size()).plus(LEASE_MARGIN);
        return delivery.awaitsReply() ? lease.plus(properties.replyTimeout()) : lease;
    }

    /**
     * Records that the peer took the bytes through the peer's {@link SendRecords}: committed after
     * the records before it, while the caller goes on to the next APDU.
     */
    public void sentInTurn(SendRecords records, Delivery delivery, List<String> reached) {
        List<String> where = List.copyOf(reached);
        records.add(() -> {
            try {
                sent(delivery, where);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * The peer took the bytes (at each of {@code reached}). From here the entry is never sent
     * again: while the database does not take the record, the record is retried, for as long as
     * the claim's lease lasts.
     */
    public void sent(Delivery delivery, List<String> reached) throws InterruptedException {
        OutboxEntry entry = delivery.entry();
        int attempt = entry.attempts() + 1;
        String where = String.join(" and ", reached);
        Instant giveUp = clock.instant().plus(attemptLease(delivery));
        while (true) {
            try {
                Boolean recorded = transactions.execute(tx -> {
                    if (!outbox.sent(entry.id(), entry.claimToken(), attempt, clock.instant())) {
                        return false;
                    }
                    if (entry.transactionId() != null) {
                        messageFile.addHistory(entry.transactionId(), null, Direction.OUT, entry.apduType(), entry.peerSymbol(),
                                clock.instant(), delivery.bytes(), delivery.charset(),
                                "sent to " + where + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
                    }
                    return true;
                });
                if (Boolean.TRUE.equals(recorded)) {
                    LOG.info("Sent {} (outbox {}) to {} at {}", delivery.apdu().type().asnName(), entry.id(), entry.peerSymbol(), where);
                } else {
                    LOG.error("Sent {} (outbox {}) to {} at {}, but the claim on it had passed to another instance,"
                            + " which may send it again", delivery.apdu().type().asnName(), entry.id(), entry.peerSymbol(), where);
                }
                return;
            } catch (DataAccessException notRecorded) {
                if (clock.instant().isAfter(giveUp)) {
                    LOG.error("Sent {} (outbox {}) to {}, but could not record it before its claim ran out ({}); it may be"
                            + " sent again", entry.apduType(), entry.id(), where, notRecorded.getMostSpecificCause().getMessage());
                    return;
                }
                LOG.warn("Sent {} (outbox {}); recording it failed ({}), trying again", entry.apduType(), entry.id(),
                        notRecorded.getMostSpecificCause().getMessage());
                Thread.sleep(RECORD_RETRY.toMillis());
            }
        }
    }

    /**
     * A Direct Request peer's answer on our connection: kept like any APDU received (in the inbox,
     * or in the spool while the database is away). Its inbox id, or null when it was spooled (the
     * spool's replay processes it once the database is back).
     */
    public Long replyReceived(Delivery delivery, byte[] reply) throws IOException {
        return inbox.keep(new ReceivedBytes(reply, delivery.address(), "reply on our connection", clock.instant(),
                InboxStatus.RECEIVED, null)).inboxId();
    }

    /**
     * An attempt failed: the next is scheduled, or after the last one the APDU becomes a "sending
     * failed" dead letter.
     *
     * @param delivery the prepared delivery, or null when preparing it failed
     */
    public void failed(OutboxEntry entry, Delivery delivery, Exception failure) {
        if (failure instanceof ClaimLostException) {
            LOG.info("Outbox {} is another instance's to send now", entry.id());
            return;
        }
        int attempt = entry.attempts() + 1;
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        byte[] bytes = delivery != null ? delivery.bytes() : new byte[0];
        List<Duration> retryDelays = properties.retryDelays();
        if (attempt <= retryDelays.size()) {
            Instant next = clock.instant().plus(retryDelays.get(attempt - 1));
            if (!outbox.retryLater(entry.id(), entry.claimToken(), attempt, next, error)) {
                LOG.info("Attempt {} on outbox {} failed, but the entry is another instance's now", attempt, entry.id());
                return;
            }
            history(entry, bytes, entry.apdu(),
                    "attempt " + attempt + " to " + entry.peerSymbol() + " failed (" + error + "); next attempt at " + next);
            LOG.warn("Could not send {} (outbox {}) to {}, attempt {}: {}; next attempt at {}", entry.apduType(), entry.id(),
                    entry.peerSymbol(), attempt, error, next);
            return;
        }
        if (!outbox.failed(entry.id(), entry.claimToken(), attempt, error)) {
            LOG.info("The last attempt on outbox {} failed, but the entry is another instance's now", entry.id());
            return;
        }
        String reason = "Sending failed: " + entry.apduType() + " to " + entry.peerSymbol() + " could not be delivered in "
                + attempt + " attempts (last: " + error + "). Resend it once the peer is reachable.";
        deadLetters.addOutbound(entry.id(), entry.peerSymbol(), delivery != null ? bytes : entry.apdu().getBytes(StandardCharsets.UTF_8),
                entry.apdu(), "sending-failed", reason, clock.instant());
        history(entry, bytes, entry.apdu(), reason);
        LOG.error("{}", reason);
    }

    private void history(OutboxEntry entry, byte[] bytes, String json, String note) {
        if (entry.transactionId() != null) {
            messageFile.addHistory(entry.transactionId(), null, Direction.OUT, entry.apduType(), entry.peerSymbol(),
                    clock.instant(), bytes, json, note);
        }
    }
}
