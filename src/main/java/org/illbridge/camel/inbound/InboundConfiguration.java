package org.illbridge.camel.inbound;

import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.camel.outbound.ApduTransport;
import org.illbridge.config.OutboundProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.config.ProfilesFileProperties;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires inbound processing: profiles, the message file, the steps the routes call, and error handling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProfilesFileProperties.class, OutboundProperties.class})
public class InboundConfiguration {

    @Bean
    ProfileRegistry profileRegistry(ProfilesFileProperties properties) {
        ProfileRegistry registry = new ProfileRegistry(properties.profilesFile());
        registry.reload();
        return registry;
    }

    @Bean
    IllCodec illCodec() {
        return new IllCodec();
    }

    @Bean
    MessageFileStore messageFileStore(JdbcTemplate jdbc) {
        return new MessageFileStore(jdbc);
    }

    @Bean
    OutboxStore outboxStore(JdbcTemplate jdbc) {
        return new OutboxStore(jdbc);
    }

    @Bean
    DeadLetterStore deadLetterStore(JdbcTemplate jdbc) {
        return new DeadLetterStore(jdbc);
    }

    /** Named so that the routes in routes/ can call it: {@code method: {ref: inboundPredicates, ...}}. */
    @Bean
    InboundPredicates inboundPredicates() {
        return new InboundPredicates();
    }

    @Bean
    InboundRoutes inboundRoutes(IllCodec codec, ProfileRegistry profiles, MessageFileStore messageFile, InboxStore inbox,
                                DeadLetterStore deadLetters, OutboxStore outbox, TransactionTemplate transactions,
                                ApduTransport transport, Clock clock) {
        return new InboundRoutes(
                new ApduIdentifier(codec, profiles, messageFile),
                new ApduValidator(),
                new MessageFileWriter(messageFile, inbox, transactions, clock),
                new ReplyDelivery(codec, transport, messageFile, clock),
                new DeadLetterRecorder(deadLetters, inbox, clock),
                new PeerRejections(messageFile, outbox, deadLetters, clock));
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(DeadLetterStore deadLetters, OutboxStore outbox, ProducerTemplate producer,
                                          Clock clock) {
        return new DeadLetterReplayer(deadLetters, outbox, producer, clock);
    }

    /** How APDUs reach peers: Camel's Netty TCP producer, for outbox deliveries and error reports alike. */
    @Bean
    ApduTransport apduTransport(ProducerTemplate producer, OutboundProperties outbound) {
        return new ApduTransport(producer, outbound.connectTimeout(), outbound.replyTimeout());
    }

    @Bean
    DeadLetterChannelConfiguration deadLetterChannelConfiguration() {
        return new DeadLetterChannelConfiguration();
    }
}
