package org.illbridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A partner's ISO ILL listener, for tests: accepts the connections illbridge opens to a
 * separate-connection peer and keeps every APDU that arrives on them.
 */
public final class ReportCatcher implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private volatile byte[] answer;

    public ReportCatcher() {
        this(0);
    }

    /** A listener on {@code port} (0: any free port). */
    public ReportCatcher(int port) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "report-catcher");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next APDU that arrived, waiting up to the timeout; fails when none comes. */
    public byte[] next(int millis) throws InterruptedException {
        byte[] apdu = received.poll(millis, TimeUnit.MILLISECONDS);
        if (apdu == null) {
            throw new AssertionError("no APDU arrived at the peer within " + millis + " ms");
        }
        return apdu;
    }

    /** From now on, answers each APDU with {@code reply} on the same connection, as a Direct Request peer does. */
    public void answerWith(byte[] reply) {
        this.answer = reply;
    }

    /** How many APDUs are waiting to be taken. */
    public int waiting() {
        return received.size();
    }

    public void clear() {
        received.clear();
        answer = null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                InputStream in = connection.getInputStream();
                while (true) {
                    received.add(ApduReader.readOne(in));
                    byte[] reply = answer;
                    if (reply != null) {
                        connection.getOutputStream().write(reply);
                        connection.getOutputStream().flush();
                    }
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException connectionEnded) {
                // the sender closed its connection: wait for the next
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
