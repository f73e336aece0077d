package org.illbridge.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * BER frames shaped like ISO ILL APDUs ([APPLICATION n] constructed), each distinct, in every
 * length form the framing must handle. Built byte by byte here so the tests do not depend on the
 * code they test.
 */
public final class SampleApdus {

    private SampleApdus() {
    }

    /** APDU number {@code n}: short, long-form or indefinite length depending on n. */
    public static byte[] numbered(int n) {
        byte[] text = ("apdu-" + n + "-" + "x".repeat(n * 7 % 300)).getBytes(StandardCharsets.US_ASCII);
        byte[] content = tlv(0x04, text);
        int tag = 0x60 | (1 + n % 20);
        return n % 3 == 2 ? indefinite(tag, content) : tlv(tag, content);
    }

    /** A definite-length TLV with the shortest length encoding. */
    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        writeLength(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** A constructed TLV with indefinite length: 0x80, the content, then end-of-contents. */
    public static byte[] indefinite(int tag, byte[]... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        out.write(0x80);
        for (byte[] element : elements) {
            out.writeBytes(element);
        }
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int octets = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
        out.write(0x80 | octets);
        for (int i = octets - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
