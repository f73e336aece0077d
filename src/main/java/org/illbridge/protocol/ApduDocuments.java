package org.illbridge.protocol;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllTypes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small pieces of APDUs in their JSON view, shared by the reports illbridge writes. */
final class ApduDocuments {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private ApduDocuments() {
    }

    static ObjectNode serviceDateTime(LocalDateTime now) {
        ObjectNode thisService = NODES.objectNode();
        thisService.put("date", DATE.format(now));
        thisService.put("time", TIME.format(now));
        ObjectNode serviceDateTime = NODES.objectNode();
        serviceDateTime.set("date-time-of-this-service", thisService);
        return serviceDateTime;
    }

    static String date(LocalDateTime at) {
        return DATE.format(at);
    }

    static ObjectNode systemId(String symbol) {
        ObjectNode symbolChoice = NODES.objectNode();
        symbolChoice.put("institution-symbol", symbol);
        ObjectNode systemId = NODES.objectNode();
        systemId.set("person-or-institution-symbol", symbolChoice);
        return systemId;
    }

    /**
     * An extension as ISO ILL implementors write them: identifier 1, not critical, an EXTERNAL
     * whose direct-reference is {@code oid} and whose single-ASN1-type is {@code content} of {@code typeName}.
     */
    static ObjectNode extension(String oid, String typeName, tools.jackson.databind.JsonNode content) {
        ObjectNode typed = NODES.objectNode();
        typed.set(typeName, content);
        ObjectNode encoding = NODES.objectNode();
        encoding.set("single-ASN1-type", typed);
        ObjectNode external = NODES.objectNode();
        external.put("direct-reference", oid);
        external.set("encoding", encoding);
        ObjectNode item = NODES.objectNode();
        item.set("EXTERNAL", external);
        ObjectNode extension = NODES.objectNode();
        extension.put("identifier", 1);
        extension.put("critical", false);
        extension.set("item", item);
        return extension;
    }

    /** The ILL-APDU-Type identifier of an APDU type, e.g. {@code iLL-REQUEST}. */
    static String apduTypeIdentifier(ApduType type) {
        return IllTypes.ILL_APDU_TYPE.identifiers().get((long) type.applicationTag());
    }
}
