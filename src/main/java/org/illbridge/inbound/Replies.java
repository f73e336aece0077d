package org.illbridge.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.ill.view.DeliveryInfo;
import org.illbridge.profile.Interaction;
import org.illbridge.profile.Peer;
import org.illbridge.protocol.Direction;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.MessageFileStore;

/**
 * Where a reply to an inbound APDU goes, by the sender's interaction style: on the connection the
 * APDU came in on (OCLC Direct Request style; the default for senders not profiled), or on a new
 * connection to the address in the APDU's APDU-Delivery-Info or the peer's profiled address. And,
 * once it went (or did not), the note of it in the transaction's history and on the dead letter.
 * A reply about a site we serve carries APDU-Delivery-Info (our address and symbol, the sender's)
 * as every APDU we send does.
 */
record Replies(IllCodec codec, MessageFileStore messageFile, DeadLetterStore deadLetters, Clock clock) {

    /** @param to the APDU replied to, when it could be identified */
    Reply to(IdentifiedApdu to, Apdu reply, Long transactionId, Long deadLetterId) {
        Peer peer = to != null ? to.peer() : null;
        boolean sameConnection = peer == null || peer.interaction() == Interaction.SAME_CONNECTION;
        String address = to == null ? null : DeliveryInfo.of(to.apdu(), to.charset())
                .flatMap(DeliveryInfo::senderAddress)
                .orElse(peer != null ? peer.address() : null);
        Apdu sent = to != null && to.site() != null ? Extensions.add(reply, new DeliveryInfo(
                List.of(DeliveryInfo.Party.of(to.site().ourAddress(), to.site().symbol())),
                List.of(DeliveryInfo.Party.of(address, to.senderSymbol()))).toExtension()) : reply;
        return new Reply(sent, encode(sent), sameConnection, address, transactionId, deadLetterId);
    }

    void delivered(Reply reply, String how) {
        if (reply.transactionId() != null) {
            messageFile.addHistory(reply.transactionId(), null, Direction.OUT, reply.apdu().type().asnName(), null,
                    clock.instant(), reply.bytes(), StandardCharsets.UTF_8, how);
        }
        if (reply.deadLetterId() != null) {
            deadLetters.reportSent(reply.deadLetterId(), how);
        }
    }

    private byte[] encode(Apdu reply) {
        try {
            return codec.encode(reply);
        } catch (EncodeException e) {
            throw new IllegalStateException("a reply illbridge built does not encode: " + e.getMessage(), e);
        }
    }
}
