package org.illbridge.codec.ber;

/**
 * Finds where one BER-encoded top-level TLV (one ISO ILL APDU) ends in a growing stream of
 * bytes, without parsing its content.
 *
 * <p>The scanner is incremental: call {@link #scan} each time more bytes have arrived, with the
 * same stream positioned at the start of the frame. Definite-length elements are skipped whole
 * (their content is never read); only indefinite-length elements are descended into, looking for
 * their end-of-contents octets. So one-byte-at-a-time delivery costs each header once, and a
 * hostile peer cannot make the scanner buffer more than {@code maxFrameBytes} or nest deeper
 * than {@code maxDepth}.
 *
 * <p>Not thread-safe: one scanner per connection.
 */
public final class BerFrameScanner {

    /** Returned by {@link #scan} while the frame is not yet complete. */
    public static final int NEED_MORE = 0;

    /** The largest long-form length we accept: 4 octets is far beyond any sane frame limit. */
    private static final int MAX_LENGTH_OCTETS = 4;
    /** High tag numbers beyond 4 octets (2^28) are not used by any ISO ILL module. */
    private static final int MAX_TAG_OCTETS = 5;

    private final int maxFrameBytes;
    private final int maxDepth;

    /** Offset of the next header to examine, relative to the frame start. */
    private int position;
    /** How many indefinite-length elements are open. */
    private int openIndefinite;
    /** The frame's end once it is known, else -1. */
    private int frameEnd = -1;

    public BerFrameScanner(int maxFrameBytes, int maxDepth) {
        if (maxFrameBytes < 2) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 2, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        this.maxDepth = maxDepth;
    }

    /** Read access to the bytes received so far, starting at the frame's first byte. */
    public interface Bytes {
        int length();

        /** The unsigned octet at {@code index}. */
        int at(int index);
    }

    /**
     * @return the frame's length in bytes once all of it is available (the scanner is then reset
     *     for the next frame), or {@link #NEED_MORE}
     * @throws BerFramingException when the bytes cannot be a BER frame within the limits
     */
    public int scan(Bytes in) throws BerFramingException {
        while (frameEnd < 0) {
            if (openIndefinite > 0 && endOfContentsAt(in)) {
                continue;
            }
            if (!readHeader(in)) {
                return NEED_MORE;
            }
        }
        if (in.length() < frameEnd) {
            return NEED_MORE;
        }
        int length = frameEnd;
        reset();
        return length;
    }

    /** Forgets a partly scanned frame. */
    public void reset() {
        position = 0;
        openIndefinite = 0;
        frameEnd = -1;
    }

    private boolean endOfContentsAt(Bytes in) {
        if (in.length() < position + 2 || in.at(position) != 0 || in.at(position + 1) != 0) {
            return false;
        }
        position += 2;
        openIndefinite--;
        if (openIndefinite == 0) {
            frameEnd = position;
        }
        return true;
    }

    /** Reads the header at {@link #position}; false when its bytes have not all arrived. */
    private boolean readHeader(Bytes in) throws BerFramingException {
        int start = position;
        int i = start;
        if (i >= in.length()) {
            return false;
        }
        int identifier = in.at(i++);
        if (openIndefinite == 0 && identifier == 0) {
            throw new BerFramingException("an APDU cannot start with end-of-contents octets (tag 0) at offset " + start);
        }
        boolean constructed = (identifier & 0x20) != 0;
        if ((identifier & 0x1F) == 0x1F) {
            int octets = 0;
            int b;
            do {
                if (i >= in.length()) {
                    return false;
                }
                b = in.at(i++);
                if (++octets > MAX_TAG_OCTETS) {
                    throw new BerFramingException("tag at offset " + start + " is longer than " + MAX_TAG_OCTETS + " octets");
                }
            } while ((b & 0x80) != 0);
        }
        if (i >= in.length()) {
            return false;
        }
        int first = in.at(i++);
        if (first == 0x80) {
            if (!constructed) {
                throw new BerFramingException("primitive element at offset " + start + " has an indefinite length");
            }
            if (openIndefinite >= maxDepth) {
                throw new BerFramingException("indefinite-length elements nested deeper than " + maxDepth + " at offset " + start);
            }
            openIndefinite++;
            position = checkedEnd(i, 0, start);
            return true;
        }
        long length = first;
        if (first > 0x80) {
            int octets = first & 0x7F;
            if (octets > MAX_LENGTH_OCTETS) {
                throw new BerFramingException("length at offset " + start + " has " + octets + " octets; at most "
                        + MAX_LENGTH_OCTETS + " are accepted");
            }
            if (i + octets > in.length()) {
                return false;
            }
            length = 0;
            for (int k = 0; k < octets; k++) {
                length = (length << 8) | in.at(i++);
            }
        }
        int end = checkedEnd(i, length, start);
        if (openIndefinite == 0) {
            frameEnd = end;
        } else {
            position = end;
        }
        return true;
    }

    private int checkedEnd(int contentStart, long contentLength, int headerStart) throws BerFramingException {
        long end = contentStart + contentLength;
        if (end > maxFrameBytes) {
            String what = headerStart == 0
                    ? "APDU of " + end + " bytes"
                    : "APDU reaching " + end + " bytes (element at offset " + headerStart + ")";
            throw new BerFramingException(what + " exceeds the maximum frame size of " + maxFrameBytes + " bytes");
        }
        return (int) end;
    }
}
