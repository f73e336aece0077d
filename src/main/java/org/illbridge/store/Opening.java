package org.illbridge.store;

import java.time.LocalDateTime;
import org.illbridge.codec.ill.view.Citation;
import org.illbridge.protocol.Role;
import org.illbridge.protocol.TransactionKey;

/**
 * What a new request in the message file starts with: our role and site, its transaction-id, the
 * two libraries, what is asked for and where it goes, and when the transaction began.
 *
 * @param createdAt when the transaction began, in the sender's local time
 */
public record Opening(Role role, String siteSymbol, TransactionKey key, String requesterSymbol, String responderSymbol,
                      Citation citation, String shipTo, boolean ifm, LocalDateTime createdAt) {
}
