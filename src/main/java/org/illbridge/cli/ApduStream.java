package org.illbridge.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.illbridge.codec.ber.BerFrameScanner;
import org.illbridge.codec.ber.BerFramingException;

/** Cuts a file or stream of APDUs written back to back into single APDUs, as the listener does. */
final class ApduStream {

    private static final int MAX_FRAME = 16 * 1024 * 1024;

    private ApduStream() {
    }

    /** One APDU's bytes, or the reason the bytes from {@code offset} on are not one. */
    record Frame(int offset, byte[] bytes, String error) {

        /** The bytes are the start of an APDU whose rest has not come (yet). */
        boolean isIncomplete() {
            return error != null && error.endsWith(INCOMPLETE);
        }
    }

    private static final String INCOMPLETE = "bytes are an incomplete APDU";

    static List<Frame> split(byte[] stream) {
        List<Frame> frames = new ArrayList<>();
        BerFrameScanner scanner = new BerFrameScanner(MAX_FRAME, 64);
        int offset = 0;
        while (offset < stream.length) {
            int start = offset;
            int length;
            try {
                length = scanner.scan(bytesFrom(stream, start));
            } catch (BerFramingException e) {
                frames.add(new Frame(start, Arrays.copyOfRange(stream, start, stream.length), e.getMessage()));
                return frames;
            }
            if (length == BerFrameScanner.NEED_MORE) {
                frames.add(new Frame(start, Arrays.copyOfRange(stream, start, stream.length),
                        "the last " + (stream.length - start) + " " + INCOMPLETE));
                return frames;
            }
            frames.add(new Frame(start, Arrays.copyOfRange(stream, start, start + length), null));
            offset = start + length;
        }
        return frames;
    }

    private static BerFrameScanner.Bytes bytesFrom(byte[] stream, int start) {
        return new BerFrameScanner.Bytes() {
            @Override
            public int length() {
                return stream.length - start;
            }

            @Override
            public int at(int index) {
                return stream[start + index] & 0xFF;
            }
        };
    }
}
