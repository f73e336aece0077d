package org.illbridge.inbound;

import org.illbridge.codec.ill.Apdu;

/**
 * A reply owed to the sender of an inbound APDU (an error report, a status report), and where it
 * goes: on the connection the APDU came in on, when the peer works that way and the connection
 * is still there; otherwise on a new connection to {@code address}, when one is known.
 *
 * @param bytes the reply, encoded
 * @param onSameConnection the peer answers and expects answers on the same connection
 * @param address where to open a new connection ({@code host:port}), or null when none is known
 * @param transactionId the transaction whose history records the reply, or null
 * @param deadLetterId the dead letter whose report this is, or null
 */
public record Reply(Apdu apdu, byte[] bytes, boolean onSameConnection, String address, Long transactionId,
                    Long deadLetterId) {
}
