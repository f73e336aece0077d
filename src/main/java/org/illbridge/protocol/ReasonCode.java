package org.illbridge.protocol;

/** Why an APDU was refused: the machine-readable half of a {@link Refusal}. */
public enum ReasonCode {
    UNDECODABLE("undecodable"),
    UNSUPPORTED_PROTOCOL_VERSION("unsupported-protocol-version"),
    UNKNOWN_SYMBOL("unknown-symbol"),
    UNKNOWN_REQUESTER("unknown-requester"),
    SENDER_NOT_ALLOWED("sender-not-allowed"),
    UNKNOWN_TRANSACTION("unknown-transaction-id"),
    DUPLICATE_TRANSACTION("duplicate-transaction-id"),
    INVALID_TRANSACTION("invalid-transaction-id"),
    PROHIBITED_TRANSITION("state-transition-prohibited"),
    UNKNOWN_CRITICAL_EXTENSION("unknown-critical-extension"),
    MISSING_ELEMENT("missing-required-element"),
    INTERNAL_ERROR("internal-error");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
