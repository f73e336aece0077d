package org.illbridge.outbound;

import java.nio.charset.Charset;
import java.util.List;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.store.OutboxEntry;

/**
 * One outbox entry made ready to send: the APDU as it goes on the wire (with our
 * APDU-Delivery-Info), where it goes, and whether the peer answers on the same connection.
 *
 * @param charset the peer's charset for ILL-Strings
 * @param address the peer's address ({@code host:port}); the send must reach it
 * @param previousAddresses the peer's previous addresses during an address change, sent to as well
 * @param awaitsReply the peer works Direct Request style: its answer comes back on our connection
 */
public record Delivery(OutboxEntry entry, Apdu apdu, Charset charset, byte[] bytes, String address,
                       List<String> previousAddresses, boolean awaitsReply) {

    public Delivery {
        previousAddresses = List.copyOf(previousAddresses);
    }
}
