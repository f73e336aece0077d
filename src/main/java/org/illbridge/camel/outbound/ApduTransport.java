package org.illbridge.camel.outbound;

import io.netty.buffer.Unpooled;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.illbridge.camel.ListenerConfiguration;
import org.illbridge.camel.netty.InboundFrame;

/**
 * Writes an APDU to a peer through Camel's Netty TCP producer: on a connection of its own
 * (separate-connection peers: write, then close), or for a Direct Request style peer, waiting on
 * the same connection for the one APDU it answers with, framed by the same BER decoder the
 * listener uses. Outbox deliveries and error reports on a new connection both go this way.
 */
public final class ApduTransport {

    private final ProducerTemplate producer;
    private final Duration connectTimeout;
    private final Duration replyTimeout;

    public ApduTransport(ProducerTemplate producer, Duration connectTimeout, Duration replyTimeout) {
        this.producer = producer;
        this.connectTimeout = connectTimeout;
        this.replyTimeout = replyTimeout;
    }

    /** Sends; with {@code awaitReply}, returns the reply that came back in time, if any. */
    public Optional<byte[]> send(String address, byte[] apdu, boolean awaitReply) throws IOException {
        if (address.lastIndexOf(':') <= 0) {
            throw new IOException("'" + address + "' is not host:port");
        }
        Exchange result = producer.send(uri(address, awaitReply),
                exchange -> exchange.getMessage().setBody(Unpooled.wrappedBuffer(apdu)));
        Exception failure = result.getException();
        if (failure != null) {
            if (awaitReply && causedBy(failure, ReadTimeoutException.class)) {
                return Optional.empty(); // delivered; the peer did not answer in time
            }
            throw new IOException(failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName(), failure);
        }
        if (!awaitReply) {
            return Optional.empty();
        }
        InboundFrame reply = result.getMessage().getBody(InboundFrame.class);
        return reply != null && reply.isComplete() ? Optional.of(reply.bytes()) : Optional.empty();
    }

    private String uri(String address, boolean awaitReply) {
        String uri = "netty:tcp://" + address
                + "?sync=" + awaitReply
                + "&disconnect=true"
                + "&allowDefaultCodec=false"
                + "&connectTimeout=" + connectTimeout.toMillis();
        return awaitReply
                ? uri + "&decoders=#" + ListenerConfiguration.FRAME_DECODER + "&requestTimeout=" + replyTimeout.toMillis()
                : uri;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
