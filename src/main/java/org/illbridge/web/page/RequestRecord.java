package org.illbridge.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.protocol.Role;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.IllTransaction;
import tools.jackson.databind.JsonNode;

/**
 * A request as its record page shows it: the message file's row, and what the ILL-Request and
 * the later APDUs say (citation, patron, addresses, dates, cost), read from its history.
 *
 * @param citation label and value pairs, in the order a librarian reads a citation
 * @param patron who the item is for
 * @param terms service, dates and cost
 * @param shipTo where the item goes, one line per address line
 * @param returnTo where it goes back to (the lender's Shipped or Will Supply said), one line per address line
 * @param dateDue the latest due date any APDU gave (YYYYMMDD), or null
 * @param requesterNote what the borrower wrote with the request
 * @param timeline every APDU in or out, oldest first
 */
record RequestRecord(IllTransaction request, List<Field> citation, List<Field> patron, List<Field> terms,
                     List<String> shipTo, List<String> returnTo, String dateDue, String requesterNote,
                     List<Event> timeline) {

    /** One labelled value. */
    record Field(String label, String value) {
    }

    /** One APDU in the timeline. */
    record Event(long id, String at, String direction, String apduType, String summary, String note) {
    }

    static RequestRecord of(IllTransaction request, List<HistoryEntry> history, LocalTimes times) {
        JsonNode ask = history.stream().filter(h -> "ILL-Request".equals(h.apduType())).findFirst()
                .map(h -> body(h)).orElse(ApduJson.MAPPER.createObjectNode());
        JsonNode item = ask.path("item-id");
        List<Field> citation = new ArrayList<>();
        add(citation, "Title", join(" : ", text(item, "title"), text(item, "sub-title")));
        add(citation, "Author", text(item, "author"));
        add(citation, "Article", join(" / ", text(item, "title-of-article"), text(item, "author-of-article")));
        add(citation, "Published", join(", ", join(" : ", text(item, "place-of-publication"), text(item, "publisher")),
                text(item, "publication-date")));
        add(citation, "Edition", text(item, "edition"));
        add(citation, "Volume / issue", text(item, "volume-issue"));
        add(citation, "Pages", text(item, "pagination"));
        add(citation, "ISBN", text(item, "iSBN"));
        add(citation, "ISSN", text(item, "iSSN"));
        add(citation, "OCLC number", request.oclcNumber());
        add(citation, "Call number", text(item, "call-number"));
        add(citation, "Verified in", text(item, "verification-reference-source"));
        if (citation.isEmpty()) {
            add(citation, "Title", request.title());
            add(citation, "Author", request.author());
        }
        JsonNode client = ask.path("client-id");
        List<Field> patron = new ArrayList<>();
        add(patron, "Name", text(client, "client-name"));
        add(patron, "Status", text(client, "client-status"));
        add(patron, "Identifier", text(client, "client-identifier"));
        List<Field> terms = new ArrayList<>();
        add(terms, "Service", strings(ask.path("iLL-service-type")));
        add(terms, "Level of service", text(ask.path("search-type"), "level-of-service"));
        add(terms, "Need before", times.date(text(ask.path("search-type"), "need-before-date")));
        add(terms, "Expires", times.date(text(ask.path("search-type"), "expiry-date")));
        add(terms, "Maximum cost", request.maximumCost());
        add(terms, "ILL Fee Management", request.ifm() ? "yes (IFM)" : null);
        add(terms, "Account", text(ask.path("cost-info-type"), "account-number"));
        List<String> shipTo = address(ask.at("/delivery-address/postal-address"));
        if (shipTo.isEmpty() && request.shipTo() != null) {
            shipTo = List.of(request.shipTo());
        }
        List<String> returnTo = List.of();
        String due = null;
        List<Event> timeline = new ArrayList<>();
        String partner = request.role() == Role.LENDING ? request.requesterSymbol() : request.responderSymbol();
        for (HistoryEntry entry : history) {
            JsonNode body = body(entry);
            List<String> back = address(body.has("return-to-address") ? body.path("return-to-address")
                    : body.at("/results-explanation/will-supply-results/return-to-address"));
            if (!back.isEmpty()) {
                returnTo = back;
            }
            String dueHere = dueDate(entry.apduType(), body);
            if (dueHere != null) {
                due = dueHere;
            }
            timeline.add(new Event(entry.id(), times.time(entry.at()), entry.direction().code(), entry.apduType(),
                    ApduSummaries.of(entry, body, partner, times), entry.note()));
        }
        return new RequestRecord(request, citation, patron, terms, shipTo, returnTo, due, text(ask, "requester-note"), timeline);
    }

    private static String dueDate(String type, JsonNode body) {
        JsonNode due = switch (type) {
            case "Shipped" -> body.at("/supply-details/date-due/date-due-field");
            case "Renew-Answer" -> body.path("answer").asBoolean(false) ? body.at("/date-due/date-due-field") : null;
            case "Overdue" -> body.at("/date-due/date-due-field");
            default -> null;
        };
        return due == null || due.isMissingNode() ? null : due.asString();
    }

    private static List<String> address(JsonNode postal) {
        if (postal.isMissingNode() || postal.isNull()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        JsonNode name = postal.path("name-of-person-or-institution");
        addLine(lines, text(name, "name-of-institution"));
        addLine(lines, text(name, "name-of-person"));
        addLine(lines, text(postal, "extended-postal-delivery-address"));
        addLine(lines, text(postal, "street-and-number"));
        addLine(lines, text(postal, "post-office-box"));
        addLine(lines, join(" ", join(", ", text(postal, "city"), text(postal, "region")), text(postal, "postal-code")));
        addLine(lines, text(postal, "country"));
        return lines;
    }

    /** The APDU's components from the history entry's JSON view (empty when it has none). */
    static JsonNode body(HistoryEntry entry) {
        try {
            JsonNode root = ApduJson.MAPPER.readTree(entry.apdu() == null ? "{}" : entry.apdu());
            return root.path(entry.apduType());
        } catch (RuntimeException unreadable) {
            return ApduJson.MAPPER.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String strings(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString)
                .collect(Collectors.joining(", ")) : null;
    }

    private static String join(String separator, String first, String second) {
        if (first == null || second == null) {
            return first != null ? first : second;
        }
        return first + separator + second;
    }

    private static void add(List<Field> fields, String label, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new Field(label, value));
        }
    }

    private static void addLine(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }
}
