package org.illbridge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local peer that only reads: one thread and a selector for all its connections, so that the
 * peer's own cost (a thread per connection would be hundreds of new threads a second on the same
 * two cores) is not what a benchmark of the sender measures.
 */
final class PeerSink implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Selector selector;
    private final AtomicLong bytesRead = new AtomicLong();
    private final Thread reader;

    PeerSink() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1000);
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        reader = new Thread(this::read, "peer-sink");
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    long bytesRead() {
        return bytesRead.get();
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
        try {
            while (selector.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel connection = server.accept();
                        if (connection != null) {
                            connection.configureBlocking(false);
                            connection.register(selector, SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        readFrom(key, buffer);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (Exception closed) {
            // the sink is closed when the benchmark is done
        }
    }

    private void readFrom(SelectionKey key, ByteBuffer buffer) {
        SocketChannel connection = (SocketChannel) key.channel();
        try {
            buffer.clear();
            int n = connection.read(buffer);
            if (n < 0) {
                key.cancel();
                connection.close();
            } else {
                bytesRead.addAndGet(n);
            }
        } catch (IOException reset) {
            key.cancel();
            try {
                connection.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        server.close();
    }
}
