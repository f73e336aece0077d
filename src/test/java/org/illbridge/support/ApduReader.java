package org.illbridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.illbridge.codec.ber.BerFrameScanner;
import org.illbridge.codec.ber.BerFramingException;

/** Reads whole APDUs off a stream, framing them as the listener does. */
public final class ApduReader {

    private ApduReader() {
    }

    public static byte[] readOne(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BerFrameScanner scanner = new BerFrameScanner(1 << 20, 64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed after " + buffer.size() + " bytes");
            }
            buffer.write(b);
            byte[] bytes = buffer.toByteArray();
            try {
                int length = scanner.scan(new BerFrameScanner.Bytes() {
                    @Override
                    public int length() {
                        return bytes.length;
                    }

                    @Override
                    public int at(int index) {
                        return bytes[index] & 0xFF;
                    }
                });
                if (length > 0) {
                    return bytes;
                }
            } catch (BerFramingException e) {
                throw new IOException(e.getMessage());
            }
        }
    }
}
