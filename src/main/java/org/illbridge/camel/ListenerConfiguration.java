package org.illbridge.camel;

import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.netty.ChannelHandlerFactories;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.illbridge.camel.netty.BerFrameDecoderFactory;
import org.illbridge.camel.netty.ConnectionLimits;
import org.illbridge.camel.netty.FrameBatcherFactory;
import org.illbridge.camel.netty.FramingLimits;
import org.illbridge.camel.netty.IdleTimeoutHandlerFactory;
import org.illbridge.camel.netty.InFlightFrames;
import org.illbridge.config.InboxProperties;
import org.illbridge.config.ListenerProperties;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.store.BatchTransaction;
import org.illbridge.store.InboxBatcher;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.InboxStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the ISO ILL listener: its Netty handler factories and limits, the inbox intake and spool, and the routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ListenerProperties.class, InboxProperties.class})
public class ListenerConfiguration {

    /** Bean names the Netty endpoints refer to ({@code decoders=#name}). */
    public static final String FRAME_DECODER = "isoIllFrameDecoder";
    public static final String FRAME_BATCHER = "isoIllFrameBatcher";
    public static final String REPLY_DECODER = "isoIllReplyDecoder";
    public static final String IDLE_TIMEOUT_HANDLER = "isoIllIdleTimeout";
    public static final String CONNECTION_LIMITS = "isoIllConnectionLimits";
    /** Writes a body of bytes (an encoded APDU) as it is: for replies on the listener and sends to peers. */
    public static final String APDU_ENCODER = "isoIllApduEncoder";

    @Bean
    ListenerPortCheck listenerPortCheck(ListenerProperties listen) {
        return ListenerPortCheck.of(listen.host(), listen.port());
    }

    /** The listeners of the addresses in the profiles, beside the configured one; they follow profile reloads. */
    @Bean
    ListenerRoutes listenerRoutes(ListenerProperties listen, ProfileRegistry profiles, InboxIntake intake, Clock clock,
                                  InboundBatchProcessor apdus) {
        ListenerRoutes routes = new ListenerRoutes(ListenerAddress.configured(listen.host(), listen.port()),
                address -> new IsoIllListenerRoute(address, false, new InboxWriter(intake, address.name(), clock), apdus));
        routes.checkPorts(profiles.current());
        profiles.whenReloaded(routes::follow);
        return routes;
    }

    @Bean
    AfterCamelStarts profiledListenersStarted(ListenerRoutes routes, ProfileRegistry profiles) {
        return new AfterCamelStarts(camel -> routes.start(camel, profiles.current()));
    }

    @Bean(FRAME_DECODER)
    BerFrameDecoderFactory isoIllFrameDecoder(ListenerProperties listen) {
        return new BerFrameDecoderFactory(new FramingLimits(listen.maxFrameBytes(), listen.maxNestingDepth(),
                listen.idleTimeout(), listen.frameTimeout(), listen.framesInFlight(),
                new InFlightFrames.Budget(listen.maxBytesInFlight().toBytes()),
                new FramingLimits.UnfinishedBytes(listen.maxUnfinishedBytes().toBytes())));
    }

    /** Hands on the frames of one read together, at most {@code illbridge.inbox.connection-batch}. */
    @Bean(FRAME_BATCHER)
    FrameBatcherFactory isoIllFrameBatcher(InboxProperties inbox) {
        return new FrameBatcherFactory(Math.max(1, inbox.connectionBatch()));
    }

    @Bean
    InboundBatchProcessor inboundBatchProcessor(ProducerTemplate producer, TransactionTemplate transactions,
                                                JdbcTemplate jdbc) {
        return new InboundBatchProcessor(producer, new BatchTransaction(transactions, jdbc));
    }

    /** Frames the one APDU a Direct Request peer answers with on our own connection. */
    @Bean(REPLY_DECODER)
    BerFrameDecoderFactory isoIllReplyDecoder(ListenerProperties listen) {
        return new BerFrameDecoderFactory(FramingLimits.framingOnly(listen.maxFrameBytes(), listen.maxNestingDepth(),
                listen.idleTimeout()));
    }

    @Bean(IDLE_TIMEOUT_HANDLER)
    IdleTimeoutHandlerFactory isoIllIdleTimeout(ListenerProperties listen) {
        return new IdleTimeoutHandlerFactory(listen.idleTimeout());
    }

    @Bean(CONNECTION_LIMITS)
    ConnectionLimits isoIllConnectionLimits(ListenerProperties listen) {
        return new ConnectionLimits(listen.maxConnections(), listen.maxConnectionsPerSource());
    }

    @Bean(APDU_ENCODER)
    ChannelHandlerFactory isoIllApduEncoder() {
        return ChannelHandlerFactories.newByteArrayEncoder("tcp");
    }

    @Bean
    InboxSpool inboxSpool(InboxProperties properties) {
        return new InboxSpool(properties.spoolDirectory());
    }

    @Bean(destroyMethod = "close")
    InboxBatcher inboxBatcher(InboxStore inbox, TransactionTemplate transactions, InboxProperties properties) {
        return new InboxBatcher(inbox, transactions, properties.maxBatch());
    }

    @Bean
    InboxIntake inboxIntake(InboxBatcher batcher, InboxSpool spool, JdbcTemplate jdbc, InboxProperties properties) {
        return new InboxIntake(batcher, spool, jdbc, properties.writeTimeout());
    }

    @Bean
    InboxWriter inboxWriter(InboxIntake intake, ListenerProperties listen, Clock clock) {
        return new InboxWriter(intake, listen.address(), clock);
    }

    @Bean
    InboxSpoolRoute inboxSpoolRoute(InboxProperties properties, InboxStore inbox, InboxSpool spool, InboxIntake intake) {
        return new InboxSpoolRoute(properties, new SpoolReplayer(inbox, spool, intake));
    }

    @Bean
    InboxRecoveryRoute inboxRecoveryRoute(InboxProperties properties, InboxStore inbox, Clock clock) {
        return new InboxRecoveryRoute(properties, inbox, clock);
    }

    @Bean
    InboxRetentionRoute inboxRetentionRoute(InboxProperties properties, InboxStore inbox, Clock clock) {
        return new InboxRetentionRoute(properties, inbox, clock);
    }

    @Bean
    IsoIllListenerRoute isoIllListenerRoute(ListenerProperties listen, InboxWriter inboxWriter, InboundBatchProcessor apdus) {
        return new IsoIllListenerRoute(ListenerAddress.configured(listen.host(), listen.port()), true, inboxWriter, apdus);
    }
}
