package org.illbridge.camel.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.illbridge.codec.ber.BerFrameScanner;
import org.illbridge.codec.ber.BerFramingException;

/**
 * Writes an APDU to a peer over TCP: on a connection of its own (separate-connection peers), or
 * and then waits for the one APDU a Direct Request style peer answers on the same connection.
 */
final class ApduTransport {

    private static final int MAX_REPLY = 1 << 20;

    private final Duration connectTimeout;
    private final Duration replyTimeout;

    ApduTransport(Duration connectTimeout, Duration replyTimeout) {
        this.connectTimeout = connectTimeout;
        this.replyTimeout = replyTimeout;
    }

    /** Sends; with {@code awaitReply}, returns the reply that came back in time, if any. */
    Optional<byte[]> send(String address, byte[] apdu, boolean awaitReply) throws IOException {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IOException("'" + address + "' is not host:port");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                    (int) connectTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(apdu);
            out.flush();
            if (!awaitReply) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) replyTimeout.toMillis());
            return readReply(socket.getInputStream());
        }
    }

    private static Optional<byte[]> readReply(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        BerFrameScanner scanner = new BerFrameScanner(MAX_REPLY, 64);
        byte[] chunk = new byte[4096];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                buffer.write(chunk, 0, n);
                byte[] bytes = buffer.toByteArray();
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
                    return Optional.of(java.util.Arrays.copyOf(bytes, length));
                }
            }
        } catch (SocketTimeoutException | BerFramingException noReply) {
            // no (complete) reply in time: the APDU was delivered all the same
        }
        return Optional.empty();
    }
}
