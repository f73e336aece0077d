package org.illbridge.protocol;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

}
