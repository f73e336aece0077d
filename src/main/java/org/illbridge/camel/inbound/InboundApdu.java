package org.illbridge.camel.inbound;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;
import org.illbridge.store.IllTransaction;

/**
 * What illbridge knows about an inbound APDU once it is decoded and identified; carried in the
 * {@link #HEADER} header through the inbound routes.
 *
 * @param apdu the decoded APDU
 * @param charset the sender's charset, for its ILL-Strings
 * @param site the profile of the symbol it is addressed to, or null when we serve none of its symbols
 * @param role our role in its transaction
 * @param key its transaction-id
 * @param existing its transaction in the message file, or null
 * @param createdAt when its transaction began (sender's local time), or null when unknown
 * @param requesterSymbol the requesting library's symbol, or null
 * @param senderSymbol the symbol of the library that sent it, or null
 * @param peer the sender as profiled, or null
 * @param hash SHA-256 of its bytes, the idempotency key
 */
public record InboundApdu(Apdu apdu, Charset charset, SiteProfile site, Role role, TransactionKey key,
                          IllTransaction existing, LocalDateTime createdAt, String requesterSymbol,
                          String senderSymbol, Peer peer, String hash) {

    public static final String HEADER = "IllbridgeInbound";
}
