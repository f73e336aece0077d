package org.illbridge.camel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.illbridge.camel.inbound.InboundExchange;
import org.illbridge.camel.outbound.OutboxRoute;
import org.illbridge.inbound.IdentifiedApdu;
import org.illbridge.inbound.InboundOutcome;
import org.illbridge.outbound.Delivery;
import org.illbridge.store.OutboxEntry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what passes through the routes, for /actuator/prometheus: each APDU received by type,
 * sender and outcome (refusals by reason), and the time from its arrival to its outcome; each
 * attempt to send by peer and result, and how long the send took.
 */
public final class ApduMeters {

    /** When a send began (epoch nanos of {@link System#nanoTime()}). */
    public static final String SEND_STARTED = "IllbridgeSendStarted";

    private final MeterRegistry registry;

    public ApduMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An inbound APDU's outcome, from the exchange that carried it. */
    public void outcome(Exchange exchange) {
        InboundOutcome outcome = exchange.getProperty(InboundExchange.OUTCOME, InboundOutcome.class);
        if (outcome == null) {
            return;
        }
        IdentifiedApdu apdu = exchange.getProperty(InboundExchange.APDU, IdentifiedApdu.class);
        String type = apdu != null ? apdu.apdu().type().asnName() : "unidentified";
        // who sent it is known only once it is known whom it is for
        String peer = apdu != null && apdu.site() != null && apdu.senderSymbol() != null ? apdu.senderSymbol() : "unknown";
        Duration took = Duration.ofMillis(Math.max(0, exchange.getClock().elapsed()));
        onceCommitted(() -> {
            Counter.builder("illbridge.apdus.received").description("APDUs received, by type, sender, outcome and refusal reason")
                    .tags("type", type, "peer", peer, "outcome", outcome.status().code(), "reason", outcome.reasonCode())
                    .register(registry).increment();
            Timer.builder("illbridge.apdu.processing").description("From an APDU's arrival to its outcome")
                    .tags("outcome", outcome.status().code()).publishPercentileHistogram()
                    .register(registry).record(took);
        });
    }

    /**
     * Inside a connection's batch (one database transaction) an outcome counts once the batch is
     * committed: a batch rolled back and worked again APDU by APDU counts each APDU once, as it ended.
     */
    private static void onceCommitted(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    public void sendStarted(Exchange exchange) {
        exchange.setProperty(SEND_STARTED, System.nanoTime());
    }

    /** An outbox attempt ended: {@code result} is sent or failed. */
    public void attempt(Exchange exchange, String result) {
        OutboxEntry entry = exchange.getProperty(OutboxRoute.ENTRY, OutboxEntry.class);
        Delivery delivery = exchange.getProperty(OutboxRoute.DELIVERY, Delivery.class);
        String peer = entry != null ? entry.peerSymbol() : "unknown";
        Counter.builder("illbridge.outbox.attempts").description("Attempts to send an outbox entry, by peer and result")
                .tags("peer", peer, "result", result).register(registry).increment();
        Long started = exchange.getProperty(SEND_STARTED, Long.class);
        if (started != null && delivery != null && "sent".equals(result)) {
            Timer.builder("illbridge.outbox.send").description("How long a send to a peer took (connect, write, any reply)")
                    .tags("peer", peer).register(registry).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
