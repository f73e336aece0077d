package org.illbridge.legacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.illbridge.store.IllTransaction;

/**
 * One line of a download: a request, or an entry of the errors section — a request this service
 * must not change (managed in OCLC), with the reason. Both have the same columns.
 *
 * @param markedInProcess whether this download moved the request from Pending to In Process
 * @param error why the request was not marked, for the errors section; null for a request line
 */
public record DownloadRow(IllTransaction request, boolean markedInProcess, String error) {

    /** The columns, in order: the CSV header and the JSON lines' keys. */
    public static final List<String> COLUMNS = List.of("section", "id", "role", "queue", "status", "managed-by",
            "site-symbol", "initial-requester", "group-qualifier", "transaction-qualifier", "sub-qualifier",
            "protocol-state", "requester-symbol", "responder-symbol", "title", "author", "need-before", "ship-to",
            "maximum-cost", "oclc-number", "patron", "ifm", "created-at", "updated-at", "marked-in-process", "error");

    public String section() {
        return error == null ? "request" : "error";
    }

    /** The values by column; a request's fields as the message file holds them (null where it has none). */
    public Map<String, Object> values() {
        IllTransaction t = request;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("section", section());
        values.put("id", t.id());
        values.put("role", t.role().code());
        values.put("queue", t.queue().label());
        values.put("status", t.status());
        values.put("managed-by", t.managedBy().code());
        values.put("site-symbol", t.siteSymbol());
        values.put("initial-requester", t.key().initialRequester());
        values.put("group-qualifier", t.key().groupQualifier());
        values.put("transaction-qualifier", t.key().transactionQualifier());
        values.put("sub-qualifier", t.key().subQualifier());
        values.put("protocol-state", t.state().name());
        values.put("requester-symbol", t.requesterSymbol());
        values.put("responder-symbol", t.responderSymbol());
        values.put("title", t.title());
        values.put("author", t.author());
        values.put("need-before", t.needBefore());
        values.put("ship-to", t.shipTo());
        values.put("maximum-cost", t.maximumCost());
        values.put("oclc-number", t.oclcNumber());
        values.put("patron", t.patron());
        values.put("ifm", t.ifm());
        values.put("created-at", t.createdAt().toString());
        values.put("updated-at", t.updatedAt().toString());
        values.put("marked-in-process", markedInProcess);
        values.put("error", error);
        return values;
    }
}
