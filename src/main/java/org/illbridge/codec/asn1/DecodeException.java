package org.illbridge.codec.asn1;

/**
 * Bytes that are not a valid encoding of the expected type. Names the element (as a path of
 * ASN.1 component names) and the byte offset, e.g.
 * {@code ILL-Request.item-id.title: length 900 exceeds the 212 bytes left at offset 181}.
 */
public final class DecodeException extends Exception {

    private final String path;
    private final int offset;
    private final String problem;

    public DecodeException(String path, int offset, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.offset = offset;
        this.problem = problem;
    }

    /** The element, e.g. {@code ILL-Request.item-id.title}. */
    public String path() {
        return path;
    }

    /** Where in the bytes the problem was found. */
    public int offset() {
        return offset;
    }

    /** The problem without the path. */
    public String problem() {
        return problem;
    }
}
