package org.illbridge.store;

import org.illbridge.protocol.Role;

/**
 * Which requests a listing shows, newest first; each part given narrows it.
 *
 * @param role borrowing or lending
 * @param queue one queue
 * @param status one OCLC status
 * @param symbol a library on either side (or the site)
 * @param text what staff typed in the search box: a transaction qualifier, an OCLC number or a
 *             symbol (exactly), or words of the title, author or patron
 * @param reported only requests with an APDU of this type in their history (e.g. Damaged, which
 *                 changes no state and so has no queue of its own)
 * @param beforeId pages back: only requests with smaller ids
 * @param limit how many at most
 */
public record RequestSearch(Role role, Queue queue, String status, String symbol, String text, String reported,
                            Long beforeId, int limit) {

    public static RequestSearch newest(int limit) {
        return new RequestSearch(null, null, null, null, null, null, null, limit);
    }
}
