package org.illbridge.camel.inbound;

import java.util.Locale;
import org.illbridge.codec.ill.ApduType;

/** Element names as IPIG error information writes them: {@code ILL-REQUEST.item-id.title}. */
final class ApduErrors {

    private ApduErrors() {
    }

    static String element(ApduType type, String path) {
        return type.asnName().toUpperCase(Locale.ROOT) + "." + path;
    }
}
