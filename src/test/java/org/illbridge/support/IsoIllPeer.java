package org.illbridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A plain TCP client standing in for an ISO ILL peer: it writes bytes, as any peer would. */
public final class IsoIllPeer implements AutoCloseable {

    private final Socket socket;

    private IsoIllPeer(Socket socket) {
        this.socket = socket;
    }

    public static IsoIllPeer connect(int port) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return new IsoIllPeer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the listener on port " + port, e);
        }
    }

    public IsoIllPeer send(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one APDU the listener sends back on this connection, within the timeout. */
    public byte[] readApdu(int millis) {
        try {
            socket.setSoTimeout(millis);
            return ApduReader.readOne(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no APDU came back within " + millis + " ms", e);
        }
    }

    /** True when the listener has closed the connection (end of stream) within the timeout. */
    public boolean closedByListenerWithin(int millis) {
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the listener
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
