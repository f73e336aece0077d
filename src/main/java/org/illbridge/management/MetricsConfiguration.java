package org.illbridge.management;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.camel.AfterCamelStarts;
import org.illbridge.camel.RouteFiles;
import org.illbridge.camel.netty.ConnectionLimits;
import org.illbridge.config.ListenerProperties;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.OutboxStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires what operators watch: illbridge's meters (what it holds, refreshed by a route, and Camel's
 * route figures once the routes run) and its health indicators.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    StateMeters stateMeters(MeterRegistry registry, DeadLetterStore deadLetters, OutboxStore outbox, InboxSpool spool,
                            ConnectionLimits connections, ListenerProperties listen, Clock clock) {
        return new StateMeters(registry, deadLetters, outbox, spool, connections, listen.address(), clock);
    }

    @Bean
    RouteBuilder metersRefreshRoute(StateMeters meters,
                                    @Value("${illbridge.metrics.refresh-interval:15s}") Duration interval) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:meters-refresh?delay=0&period=" + interval.toMillis()).routeId("meters-refresh")
                        .process(exchange -> meters.refresh()).id("read-database-figures");
            }
        };
    }

    @Bean
    OutboxHealth outboxHealthIndicator(OutboxStore outbox, Clock clock,
                              @Value("${illbridge.outbound.backlog-alarm:1h}") Duration threshold) {
        return new OutboxHealth(outbox, threshold, clock);
    }

    @Bean
    RouteFilesHealth routesHealthIndicator(RouteFiles routeFiles) {
        return new RouteFilesHealth(routeFiles);
    }

    @Bean
    IntakeHealth intakeHealthIndicator(InboxIntake intake, InboxSpool spool) {
        return new IntakeHealth(intake, spool);
    }

    @Bean
    AfterCamelStarts routeMeters(StateMeters meters) {
        return new AfterCamelStarts(meters::bindRoutes);
    }
}
