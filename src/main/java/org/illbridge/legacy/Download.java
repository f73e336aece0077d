package org.illbridge.legacy;

import java.util.List;
import java.util.Locale;
import org.illbridge.protocol.Role;
import org.illbridge.store.Queue;

/**
 * What to download from the message file.
 *
 * @param queues the queues (all when empty)
 * @param role lending or borrowing (both when null)
 * @param format CSV or JSON lines
 * @param markInProcess whether Pending lending requests are moved to In Process in the same step,
 *     as the ILL MicroEnhancer does, so that the next download of Pending does not repeat them
 */
public record Download(List<Queue> queues, Role role, DownloadFormat format, boolean markInProcess) {

    public Download {
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    /** A name for the file: message-file-pending-lending.csv. */
    public String fileName() {
        String which = queues.isEmpty() ? "all" : String.join("-", queues.stream()
                .map(q -> q.label().toLowerCase(Locale.ROOT).replace(' ', '-')).toList());
        return "message-file-" + which + (role == null ? "" : "-" + role.code()) + "." + format.formatName();
    }
}
