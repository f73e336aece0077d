package org.illbridge.outbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
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
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxEntry;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.ReceivedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping around sending claimed outbox entries; the sending itself is the outbox
 * route's. {@link #prepare} encodes an entry with an APDU-Delivery-Info extension naming our
 * address and symbol; {@link #sent} records where it went; {@link #failed} schedules the next
 * attempt with back-off, or after the last one makes the APDU a "sending failed" dead letter that
 * can be resent. Every attempt is in the request's history.
 */
public final class OutboxDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliveries.class);

    private final OutboxStore outbox;
    private final MessageFileStore messageFile;
    private final DeadLetterStore deadLetters;
    private final InboxStore inbox;
    private final ProfileRegistry profiles;
    private final IllCodec codec;
    private final List<Duration> retryDelays;
    private final Clock clock;

    public OutboxDeliveries(OutboxStore outbox, MessageFileStore messageFile, DeadLetterStore deadLetters, InboxStore inbox,
                            ProfileRegistry profiles, IllCodec codec, OutboundProperties properties, Clock clock) {
        this.outbox = outbox;
        this.messageFile = messageFile;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.profiles = profiles;
        this.codec = codec;
        this.retryDelays = properties.retryDelays();
        this.clock = clock;
    }

    /** A claimed row as the SQL consumer hands it on: column name to value. */
    public OutboxEntry entryOf(Map<String, Object> row) {
        return OutboxStore.fromRow(row);
    }

    /** @throws IOException when the entry cannot be sent as it stands (no profile, no address, bad JSON) */
    public Delivery prepare(OutboxEntry entry) throws IOException {
        SiteProfile site = profiles.current().site(entry.siteSymbol())
                .orElseThrow(() -> new IOException("no profile for " + entry.siteSymbol()));
        Peer peer = site.peer(entry.peerSymbol())
                .orElseThrow(() -> new IOException("no peer " + entry.peerSymbol() + " in the " + site.symbol() + " profile"));
        List<String> addresses = peer.addressesAt(LocalDateTime.ofInstant(clock.instant(), clock.getZone()));
        if (addresses.isEmpty()) {
            throw new IOException("no address is profiled for " + peer.symbol());
        }
        try {
            String ourAddress = site.listeners().isEmpty() ? null : site.listeners().get(0);
            DeliveryInfo info = new DeliveryInfo(List.of(DeliveryInfo.Party.of(ourAddress, site.symbol())),
                    List.of(DeliveryInfo.Party.of(peer.address(), peer.symbol())));
            Apdu apdu = Extensions.add(new ApduJson(peer.charset()).fromText(entry.apdu()), info.toExtension());
            return new Delivery(entry, apdu, peer.charset(), codec.encode(apdu), addresses.get(0), addresses.subList(1, addresses.size()),
                    peer.interaction() == Interaction.SAME_CONNECTION);
        } catch (JsonViewException | EncodeException e) {
            throw new IOException("the outbox entry's APDU is not valid: " + e.getMessage(), e);
        }
    }

    /** The peer took the bytes (at each of {@code reached}). */
    public void sent(Delivery delivery, List<String> reached) {
        OutboxEntry entry = delivery.entry();
        int attempt = entry.attempts() + 1;
        outbox.sent(entry.id(), attempt, clock.instant());
        history(entry, delivery.bytes(), new ApduJson(delivery.charset()).toText(delivery.apdu()), "sent to " + String.join(" and ", reached)
                + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
        LOG.info("Sent {} (outbox {}) to {} at {}", entry.apduType(), entry.id(), entry.peerSymbol(), String.join(" and ", reached));
    }

    /** A Direct Request peer's answer on our connection: into the inbox, like any APDU received. Returns its inbox id. */
    public long replyReceived(Delivery delivery, byte[] reply) {
        return inbox.store(new ReceivedBytes(reply, delivery.address(), "reply on our connection", clock.instant(),
                InboxStatus.RECEIVED, null));
    }

    /**
     * An attempt failed: the next is scheduled, or after the last one the APDU becomes a "sending
     * failed" dead letter.
     *
     * @param delivery the prepared delivery, or null when preparing it failed
     */
    public void failed(OutboxEntry entry, Delivery delivery, Exception failure) {
        int attempt = entry.attempts() + 1;
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        byte[] bytes = delivery != null ? delivery.bytes() : new byte[0];
        if (attempt <= retryDelays.size()) {
            Instant next = clock.instant().plus(retryDelays.get(attempt - 1));
            outbox.retryLater(entry.id(), attempt, next, error);
            history(entry, bytes, entry.apdu(),
                    "attempt " + attempt + " to " + entry.peerSymbol() + " failed (" + error + "); next attempt at " + next);
            LOG.warn("Could not send {} (outbox {}) to {}, attempt {}: {}; next attempt at {}", entry.apduType(), entry.id(),
                    entry.peerSymbol(), attempt, error, next);
            return;
        }
        outbox.failed(entry.id(), attempt, error);
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
