package org.illbridge.codec.asn1;

/** A value that does not fit its ASN.1 type: names the element and what is wrong. */
public final class EncodeException extends Exception {

    private final String path;

    public EncodeException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
