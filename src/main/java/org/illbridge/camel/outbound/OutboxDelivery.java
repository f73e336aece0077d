package org.illbridge.camel.outbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.illbridge.camel.InboxWriter;
import org.illbridge.camel.IsoIllListenerRoute;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.IllExtensions;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.config.OutboundProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.Interaction;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxEntry;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.ReceivedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends claimed outbox rows: encodes each APDU with an APDU-Delivery-Info extension
 * naming our address and symbol, sends it to the peer (and to its previous address during an
 * address change), and records each attempt. An unreachable peer is retried with back-off; after
 * the last attempt the APDU becomes a "sending failed" dead letter that can be resent. A Direct
 * Request style peer's reply on the same connection is stored in the inbox and processed like any
 * inbound APDU.
 */
public final class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxStore outbox;
    private final MessageFileStore messageFile;
    private final DeadLetterStore deadLetters;
    private final InboxStore inbox;
    private final ProfileRegistry profiles;
    private final IllCodec codec;
    private final OutboundProperties properties;
    private final ApduTransport transport;
    private final ProducerTemplate producer;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public OutboxDelivery(OutboxStore outbox, MessageFileStore messageFile, DeadLetterStore deadLetters, InboxStore inbox,
                          ProfileRegistry profiles, IllCodec codec,
                          OutboundProperties properties, ApduTransport transport, ProducerTemplate producer, Clock clock) {
        this.outbox = outbox;
        this.messageFile = messageFile;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.profiles = profiles;
        this.codec = codec;
        this.properties = properties;
        this.transport = transport;
        this.producer = producer;
        this.clock = clock;
    }

    /** Sends one claimed outbox row (the body: its columns, as the SQL consumer gives them). */
    @SuppressWarnings("unchecked")
    public void deliver(Exchange exchange) {
        OutboxEntry entry = OutboxStore.fromRow(exchange.getMessage().getBody(java.util.Map.class));
        int attempt = entry.attempts() + 1;
        byte[] bytes = null;
        try {
            SiteProfile site = profiles.current().site(entry.siteSymbol())
                    .orElseThrow(() -> new IOException("no profile for " + entry.siteSymbol()));
            Peer peer = site.peer(entry.peerSymbol())
                    .orElseThrow(() -> new IOException("no peer " + entry.peerSymbol() + " in the " + site.symbol() + " profile"));
            ApduJson view = new ApduJson(peer.charset());
            Apdu apdu = withDeliveryInfo(view.fromJson(mapper.readTree(entry.apdu())), site, peer);
            bytes = codec.encode(apdu);
            List<String> addresses = peer.addressesAt(LocalDateTime.ofInstant(clock.instant(), clock.getZone()));
            if (addresses.isEmpty()) {
                throw new IOException("no address is profiled for " + peer.symbol());
            }
            Sent sent = send(addresses, bytes, peer);
            Instant at = clock.instant();
            outbox.sent(entry.id(), attempt, at);
            history(entry, HistoryEntry.OUT, bytes, mapper.writeValueAsString(view.toJson(apdu)), "sent to " + sent.reached()
                    + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
            LOG.info("Sent {} (outbox {}) to {} at {}", entry.apduType(), entry.id(), peer.symbol(), sent.reached());
            sent.reply().ifPresent(reply -> receive(reply, addresses.get(0)));
        } catch (Exception failure) {
            failed(entry, attempt, bytes, failure);
        }
    }

    /** Where an APDU went, and the reply a Direct Request peer gave on the same connection. */
    private record Sent(String reached, Optional<byte[]> reply) {
    }

    /** Sends to the first address (it must succeed) and, during an address change, the previous one too. */
    private Sent send(List<String> addresses, byte[] bytes, Peer peer) throws IOException {
        boolean sameConnection = peer.interaction() == Interaction.SAME_CONNECTION;
        Optional<byte[]> reply = transport.send(addresses.get(0), bytes, sameConnection);
        List<String> reached = new ArrayList<>(List.of(addresses.get(0)));
        for (String previous : addresses.subList(1, addresses.size())) {
            try {
                transport.send(previous, bytes, false);
                reached.add(previous);
            } catch (IOException e) {
                LOG.warn("Could not also send to {}'s previous address {}: {}", peer.symbol(), previous, e.getMessage());
            }
        }
        return new Sent(String.join(" and ", reached), reply);
    }

    /** A reply on the same connection is an inbound APDU like any other: inbox first, then the inbound routes. */
    private void receive(byte[] reply, String address) {
        long id = inbox.store(new ReceivedBytes(reply, address, "reply on our connection", clock.instant(),
                InboxStatus.RECEIVED, null));
        producer.send(IsoIllListenerRoute.APDU_RECEIVED, exchange -> {
            exchange.getMessage().setBody(reply);
            exchange.getMessage().setHeader(InboxWriter.INBOX_ID, id);
            exchange.getMessage().setHeader(InboxWriter.PEER, address);
        });
    }

    private void failed(OutboxEntry entry, int attempt, byte[] bytes, Exception failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        List<java.time.Duration> delays = properties.retryDelays();
        if (attempt <= delays.size()) {
            Instant next = clock.instant().plus(delays.get(attempt - 1));
            outbox.retryLater(entry.id(), attempt, next, error);
            history(entry, HistoryEntry.OUT, bytes != null ? bytes : new byte[0], entry.apdu(),
                    "attempt " + attempt + " to " + entry.peerSymbol() + " failed (" + error + "); next attempt at " + next);
            LOG.warn("Could not send {} (outbox {}) to {}, attempt {}: {}; next attempt at {}", entry.apduType(), entry.id(),
                    entry.peerSymbol(), attempt, error, next);
            return;
        }
        outbox.failed(entry.id(), attempt, error);
        String reason = "Sending failed: " + entry.apduType() + " to " + entry.peerSymbol() + " could not be delivered in "
                + attempt + " attempts (last: " + error + "). Resend it once the peer is reachable.";
        deadLetters.addOutbound(entry.id(), entry.peerSymbol(), bytes != null ? bytes : entry.apdu().getBytes(StandardCharsets.UTF_8),
                entry.apdu(), "sending-failed", reason, clock.instant());
        history(entry, HistoryEntry.OUT, bytes != null ? bytes : new byte[0], entry.apdu(), reason);
        LOG.error("{}", reason);
    }

    private void history(OutboxEntry entry, String direction, byte[] bytes, String json, String note) {
        if (entry.transactionId() != null) {
            messageFile.addHistory(entry.transactionId(), null, direction, entry.apduType(), entry.peerSymbol(),
                    clock.instant(), bytes, json, note);
        }
    }

    /** The APDU with an IPIG APDU-Delivery-Info extension: where we listen and who we are, and whom it is for. */
    private static Apdu withDeliveryInfo(Apdu apdu, SiteProfile site, Peer peer) {
        String component = apdu.type().extensionsComponent();
        List<AsnValue> extensions = new ArrayList<>(apdu.at(component)
                .map(v -> ((AsnValue.SequenceOf) v).elements()).orElse(List.of()));
        String ourAddress = site.listeners().isEmpty() ? null : site.listeners().get(0);
        extensions.add(extension(IllExtensions.APDU_DELIVERY_INFO_OID, "APDU-Delivery-Info", AsnValue.Sequence.of(
                new AsnValue.Field("sender-info", parameters(ourAddress, site.symbol())),
                new AsnValue.Field("recipient-info", parameters(peer.address(), peer.symbol())))));
        return new Apdu(apdu.type(), apdu.body().with(component, new AsnValue.SequenceOf(extensions)));
    }

    private static AsnValue parameters(String address, String symbol) {
        List<AsnValue.Field> transport = new ArrayList<>();
        transport.add(new AsnValue.Field("telecom-service-identifier", text("TCP/IP")));
        if (address != null) {
            transport.add(new AsnValue.Field("telecom-service-address", text(address)));
        }
        AsnValue alias = AsnValue.Sequence.of(new AsnValue.Field("person-or-institution-symbol",
                new AsnValue.Choice("institution-symbol", text(symbol))));
        return new AsnValue.SequenceOf(List.of(AsnValue.Sequence.of(
                new AsnValue.Field("encoding", new AsnValue.SequenceOf(List.of(new AsnValue.Enumerated(3, "bER")))),
                new AsnValue.Field("transport", new AsnValue.Sequence(transport)),
                new AsnValue.Field("aliases", new AsnValue.SequenceOf(List.of(alias))))));
    }

    private static AsnValue extension(String oid, String typeName, AsnValue content) {
        AsnValue external = AsnValue.Sequence.of(
                new AsnValue.Field("direct-reference", new AsnValue.Oid(oid)),
                new AsnValue.Field("encoding", new AsnValue.Choice("single-ASN1-type", new AsnValue.Typed(typeName, content))));
        return AsnValue.Sequence.of(
                new AsnValue.Field("identifier", new AsnValue.Int(1)),
                new AsnValue.Field("critical", new AsnValue.Bool(false)),
                new AsnValue.Field("item", new AsnValue.Typed("EXTERNAL", external)));
    }

    private static AsnValue.IllString text(String value) {
        return AsnValue.IllString.general(value, StandardCharsets.UTF_8);
    }
}
