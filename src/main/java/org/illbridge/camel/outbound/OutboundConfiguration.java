package org.illbridge.camel.outbound;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.illbridge.camel.ApduMeters;
import org.illbridge.camel.PeerEndpoints;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.config.OutboundProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.outbound.OutboundService;
import org.illbridge.outbound.OutboxDeliveries;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires outbound: staff actions into the outbox, and the route that drains it to the peers. */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {

    @Bean
    OutboundService outboundService(MessageFileStore messageFile, OutboxStore outbox, DeadLetterStore deadLetters,
                                    ProfileRegistry profiles, TransactionTemplate transactions, IllCodec codec, Clock clock) {
        return new OutboundService(messageFile, outbox, deadLetters, profiles, transactions, codec, clock);
    }

    @Bean
    OutboxDeliveries outboxDeliveries(OutboxStore outbox, MessageFileStore messageFile, DeadLetterStore deadLetters,
                                      InboxIntake inbox, ProfileRegistry profiles, IllCodec codec,
                                      TransactionTemplate transactions, OutboundProperties properties, Clock clock) {
        return new OutboxDeliveries(outbox, messageFile, deadLetters, inbox, profiles, codec, transactions, properties, clock);
    }

    /** Commits the records of sends while the next APDUs are sent (a few threads: one run per peer at a time). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService outboxRecorder() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "outbox-recorder-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    OutboxRoute outboxRoute(OutboundProperties properties, OutboxStore outbox, OutboxDeliveries deliveries,
                            PeerEndpoints peers, ApduMeters meters, ExecutorService outboxRecorder) {
        return new OutboxRoute(properties, outbox.claimStatementFile(properties.claimLease()).toString(), deliveries, peers,
                meters, outboxRecorder);
    }
}
