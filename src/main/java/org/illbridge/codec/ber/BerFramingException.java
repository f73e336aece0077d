package org.illbridge.codec.ber;

/** The bytes on a connection cannot be framed as BER APDUs within the configured limits. */
public final class BerFramingException extends Exception {

    public BerFramingException(String reason) {
        super(reason);
    }
}
