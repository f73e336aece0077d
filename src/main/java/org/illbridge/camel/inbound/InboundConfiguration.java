package org.illbridge.camel.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.illbridge.camel.ApduMeters;
import org.illbridge.camel.PeerEndpoints;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.config.InboxProperties;
import org.illbridge.config.OutboundProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.config.ProfilesFileProperties;
import org.illbridge.inbound.DeadLetterReplays;
import org.illbridge.inbound.InboundService;
import org.illbridge.store.CommitDurability;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.GroupCommit;
import org.illbridge.store.InboxStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires inbound processing: profiles, the message file, the inbound service, the routes and their dead-letter policy. */
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

    /** APDUs from all connections applied in shared transactions: one flush per batch. */
    @Bean(destroyMethod = "close")
    GroupCommit applyCommits(TransactionTemplate transactions, InboxProperties inbox, JdbcTemplate jdbc) {
        return new GroupCommit(transactions, inbox.applyBatch() > 0 ? inbox.applyBatch() : CommitDurability.applyBatch(jdbc),
                "apply-writer");
    }

    @Bean
    InboundService inboundService(IllCodec codec, ProfileRegistry profiles, MessageFileStore messageFile, InboxStore inbox,
                                  OutboxStore outbox, DeadLetterStore deadLetters, TransactionTemplate transactions,
                                  GroupCommit applyCommits, Clock clock) {
        return new InboundService(codec, profiles, messageFile, inbox, outbox, deadLetters, transactions, applyCommits, clock);
    }

    /** Named so that the routes in routes/ can call it: {@code method: {ref: inboundPredicates, ...}}. */
    @Bean
    InboundPredicates inboundPredicates() {
        return new InboundPredicates();
    }

    /** The Netty endpoints APDUs leave by: outbox deliveries and replies on a new connection alike. */
    @Bean
    PeerEndpoints peerEndpoints(OutboundProperties outbound) {
        return new PeerEndpoints(outbound.connectTimeout(), outbound.replyTimeout());
    }

    @Bean
    InboundRoutes inboundRoutes(InboundService inbound, PeerEndpoints peers, ApduMeters meters) {
        return new InboundRoutes(inbound, peers, meters);
    }

    @Bean
    ApduMeters apduMeters(MeterRegistry registry) {
        return new ApduMeters(registry);
    }

    @Bean
    DeadLetterReplays deadLetterReplays(DeadLetterStore deadLetters, OutboxStore outbox, ProducerTemplate producer,
                                        Clock clock) {
        return new DeadLetterReplays(deadLetters, outbox, new CamelInboundProcessing(producer), clock);
    }

    @Bean
    DeadLetterChannelConfiguration deadLetterChannelConfiguration() {
        return new DeadLetterChannelConfiguration();
    }
}
