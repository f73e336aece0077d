package org.illbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.illbridge.support.IsoIllPeer;

/** Peers sending APDUs as fast as they can write: APDU i on connection i mod CONNECTIONS, each connection in order. */
final class Senders {

    private Senders() {
    }

    /** Sends {@code count} APDUs, {@code apdu.apply(i)} being the i-th, and returns once every one is written. */
    static void send(int count, IntFunction<byte[]> apdu, int port, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int first = c;
                senders.add(pool.submit(() -> {
                    try (IsoIllPeer peer = IsoIllPeer.connect(port)) {
                        for (int i = first; i < count; i += connections) {
                            peer.send(apdu.apply(i));
                        }
                    }
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
