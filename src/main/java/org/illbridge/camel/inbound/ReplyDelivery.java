package org.illbridge.camel.inbound;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.NettyConstants;
import org.illbridge.camel.outbound.ApduTransport;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.IllExtensions;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.profile.Interaction;
import org.illbridge.profile.Peer;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.MessageFileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the reply in the {@link Outcome#REPLY} header (an error report, a status report) to the
 * sender of the inbound APDU, in the peer's interaction style: on the connection the APDU came
 * in on (OCLC Direct Request style; the default for senders not profiled), or on a new connection
 * to the address in the APDU's APDU-Delivery-Info or the peer's profiled address. A reply that
 * cannot be delivered is logged and noted, never retried here.
 */
public final class ReplyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);
    private final IllCodec codec;
    private final ApduTransport transport;
    private final MessageFileStore messageFile;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public ReplyDelivery(IllCodec codec, ApduTransport transport, MessageFileStore messageFile, Clock clock) {
        this.codec = codec;
        this.transport = transport;
        this.messageFile = messageFile;
        this.clock = clock;
    }

    public void deliver(Exchange exchange) throws EncodeException {
        Apdu reply = exchange.getMessage().getHeader(Outcome.REPLY, Apdu.class);
        InboundApdu inbound = exchange.getMessage().getHeader(InboundApdu.HEADER, InboundApdu.class);
        byte[] bytes = codec.encode(reply);
        Peer peer = inbound != null ? inbound.peer() : null;
        Interaction style = peer != null ? peer.interaction() : Interaction.SAME_CONNECTION;
        ChannelHandlerContext connection = exchange.getMessage()
                .getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT, ChannelHandlerContext.class);
        String outcome;
        if (style == Interaction.SAME_CONNECTION && connection != null && connection.channel().isActive()) {
            outcome = onSameConnection(connection, bytes);
        } else {
            outcome = Optional.ofNullable(inbound).flatMap(ReplyDelivery::deliveryAddress)
                    .or(() -> Optional.ofNullable(peer).map(Peer::address))
                    .map(address -> onNewConnection(address, bytes))
                    .orElse("not sent: the sender's connection is gone and no address for it is known");
        }
        LOG.info("{} for {}: {}", reply.type().asnName(), inbound != null ? inbound.key() : "an undecodable APDU", outcome);
        exchange.getMessage().setHeader(DeadLetterRecorder.REPORT_OUTCOME, outcome);
        recordInHistory(inbound, reply, bytes, outcome);
    }

    private static String onSameConnection(ChannelHandlerContext connection, byte[] bytes) {
        try {
            connection.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes)).sync();
            return "sent on the same connection to " + connection.channel().remoteAddress();
        } catch (Exception e) {
            return "not sent on the same connection: " + e.getMessage();
        }
    }

    private String onNewConnection(String address, byte[] bytes) {
        try {
            transport.send(address, bytes, false);
            return "sent on a new connection to " + address;
        } catch (IOException | RuntimeException e) {
            return "not sent to " + address + ": " + e.getMessage();
        }
    }

    /** The sender's own address, from the IPIG APDU-Delivery-Info extension of its APDU, when it gave one. */
    static Optional<String> deliveryAddress(InboundApdu inbound) {
        Charset charset = inbound.charset();
        return inbound.apdu().body().fields().stream()
                .filter(f -> f.name().endsWith("-extensions") && f.value() instanceof AsnValue.SequenceOf)
                .flatMap(f -> ((AsnValue.SequenceOf) f.value()).elements().stream())
                .map(e -> ((AsnValue.Sequence) e).get("item").orElse(null))
                .filter(item -> item instanceof AsnValue.Typed typed && typed.value() instanceof AsnValue.Sequence)
                .map(item -> (AsnValue.Sequence) ((AsnValue.Typed) item).value())
                .filter(external -> external.get("direct-reference")
                        .map(oid -> ((AsnValue.Oid) oid).dotted().equals(IllExtensions.APDU_DELIVERY_INFO_OID)).orElse(false))
                .map(external -> external.get("encoding").map(c -> ((AsnValue.Choice) c).value()).orElse(null))
                .filter(content -> content instanceof AsnValue.Typed)
                .map(content -> (AsnValue.Sequence) ((AsnValue.Typed) content).value())
                .flatMap(info -> info.get("sender-info").stream())
                .flatMap(senders -> ((AsnValue.SequenceOf) senders).elements().stream())
                .map(sender -> ((AsnValue.Sequence) sender).get("transport").orElse(null))
                .filter(transport -> transport instanceof AsnValue.Sequence)
                .flatMap(transport -> ((AsnValue.Sequence) transport).get("telecom-service-address").stream())
                .map(text -> ((AsnValue.IllString) text).text(charset).orElse(null))
                .filter(address -> address != null && address.contains(":"))
                .findFirst();
    }

    private void recordInHistory(InboundApdu inbound, Apdu reply, byte[] bytes, String outcome) {
        if (inbound == null || inbound.site() == null || inbound.role() == null) {
            return;
        }
        messageFile.find(inbound.role(), inbound.site().symbol(), inbound.key()).ifPresent(t ->
                messageFile.addHistory(t.id(), null, HistoryEntry.OUT, reply.type().asnName(), null, clock.instant(), bytes,
                        mapper.writeValueAsString(new ApduJson(inbound.charset()).toJson(reply)), outcome));
    }
}
