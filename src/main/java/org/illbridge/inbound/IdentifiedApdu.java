package org.illbridge.inbound;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;
import org.illbridge.store.IllTransaction;

/**
 * An inbound APDU, decoded and identified: who it is for, which transaction it belongs to, who
 * sent it. Its methods are the questions the inbound policy route asks.
 *
 * @param received the APDU as it arrived
 * @param apdu the decoded APDU
 * @param charset the sender's charset, for its ILL-Strings
 * @param site the profile of the symbol it is addressed to, or null when we serve none of its symbols
 * @param role our role in its transaction (null with no site)
 * @param key its transaction-id
 * @param existing its transaction in the message file, or null
 * @param createdAt when its transaction began (sender's local time), or null when unknown
 * @param requesterSymbol the requesting library's symbol, or null
 * @param senderSymbol the symbol of the library that sent it, or null
 * @param peer the sender as profiled, or null
 * @param hash SHA-256 of its bytes, the idempotency key
 * @param readInTransaction it was identified inside a database transaction (a connection's batch),
 *     so {@code existing} is as that transaction sees it and need not be read again to apply it
 */
public record IdentifiedApdu(ReceivedApdu received, Apdu apdu, Charset charset, SiteProfile site, Role role,
                             TransactionKey key, IllTransaction existing, LocalDateTime createdAt,
                             String requesterSymbol, String senderSymbol, Peer peer, String hash,
                             boolean readInTransaction) implements Identification {

    /** It names no symbol this service serves. */
    public boolean isForUnknownSymbol() {
        return site == null;
    }

    /** Its transaction began before the site's ISO ILL profile was installed: it belongs to OCLC. */
    public boolean predatesProfile() {
        if (existing != null) {
            return existing.isManagedInOclc();
        }
        return site != null && createdAt != null && site.predatesProfile(createdAt);
    }

    /** It is a new request from a requester the site does not know. */
    public boolean isFromUnknownRequester() {
        return site != null && apdu.type() == ApduType.ILL_REQUEST && existing == null
                && !site.knowsRequester(requesterSymbol);
    }

    @Override
    public String toString() {
        return apdu.type().asnName() + " " + key + (senderSymbol != null ? " from " + senderSymbol : "");
    }
}
