package org.illbridge.camel;

import java.time.Clock;
import org.apache.camel.component.netty.ChannelHandlerFactories;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.illbridge.camel.netty.BerFrameDecoderFactory;
import org.illbridge.camel.netty.IdleTimeoutHandlerFactory;
import org.illbridge.config.InboxProperties;
import org.illbridge.config.ListenerProperties;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.InboxStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the ISO ILL listener: its Netty handler factories, the inbox writer and spool, and the routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ListenerProperties.class, InboxProperties.class})
public class ListenerConfiguration {

    /** Bean names the Netty endpoint refers to ({@code decoders=#name}). */
    public static final String FRAME_DECODER = "isoIllFrameDecoder";
    public static final String IDLE_TIMEOUT_HANDLER = "isoIllIdleTimeout";
    /** Writes a body of bytes (an encoded APDU) as it is: for replies on the listener and sends to peers. */
    public static final String APDU_ENCODER = "isoIllApduEncoder";

    @Bean(APDU_ENCODER)
    ChannelHandlerFactory isoIllApduEncoder() {
        return ChannelHandlerFactories.newByteArrayEncoder("tcp");
    }

    @Bean(FRAME_DECODER)
    BerFrameDecoderFactory isoIllFrameDecoder(ListenerProperties listen) {
        return new BerFrameDecoderFactory(listen.maxFrameBytes(), listen.maxNestingDepth(), listen.idleTimeout());
    }

    @Bean(IDLE_TIMEOUT_HANDLER)
    IdleTimeoutHandlerFactory isoIllIdleTimeout(ListenerProperties listen) {
        return new IdleTimeoutHandlerFactory(listen.idleTimeout());
    }

    @Bean
    InboxSpool inboxSpool(InboxProperties properties) {
        return new InboxSpool(properties.spoolDirectory());
    }

    @Bean
    InboxWriter inboxWriter(InboxStore inbox, InboxSpool spool, ListenerProperties listen, Clock clock) {
        return new InboxWriter(inbox, spool, listen.address(), clock);
    }

    @Bean
    InboxSpoolRoute inboxSpoolRoute(InboxProperties properties, InboxStore inbox, InboxSpool spool) {
        return new InboxSpoolRoute(properties, new SpoolReplayer(inbox, spool));
    }

    @Bean
    InboxRecoveryRoute inboxRecoveryRoute(InboxProperties properties, InboxStore inbox, Clock clock) {
        return new InboxRecoveryRoute(properties, inbox, clock);
    }

    @Bean
    IsoIllListenerRoute isoIllListenerRoute(ListenerProperties listen, InboxWriter inboxWriter) {
        return new IsoIllListenerRoute(listen, inboxWriter);
    }
}
