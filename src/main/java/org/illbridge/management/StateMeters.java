package org.illbridge.management;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.illbridge.camel.netty.ConnectionLimits;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.OutboxStatus;
import org.illbridge.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What illbridge holds, for /actuator/prometheus: open dead letters by reason, the outbox's
 * backlog and the age of its oldest entry, frames waiting in the spool, open connections; and
 * Camel's own figures for every route (exchanges, failures, processing time). The database's
 * figures are read by {@link #refresh} (the route {@code meters-refresh}), never by a scrape, so a
 * scrape answers while the database is away.
 */
public final class StateMeters {

    private static final Logger LOG = LoggerFactory.getLogger(StateMeters.class);

    private final MeterRegistry registry;
    private final DeadLetterStore deadLetters;
    private final OutboxStore outbox;
    private final Clock clock;
    private final MultiGauge openDeadLetters;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public StateMeters(MeterRegistry registry, DeadLetterStore deadLetters, OutboxStore outbox, InboxSpool spool,
                       ConnectionLimits connections, String listener, Clock clock) {
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.clock = clock;
        this.openDeadLetters = MultiGauge.builder("illbridge.dead.letters.open")
                .description("Dead letters waiting for a person, by reason").register(registry);
        Gauge.builder("illbridge.outbox.pending", outboxPending, AtomicLong::get)
                .description("APDUs waiting to be sent (or retried)").register(registry);
        Gauge.builder("illbridge.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest APDU waiting to be sent has waited").register(registry);
        Gauge.builder("illbridge.inbox.spool.frames", spool, s -> s.pending().size())
                .description("Frames kept in the spool until the database is back").register(registry);
        Gauge.builder("illbridge.listener.connections", connections, ConnectionLimits::open).tag("listener", listener)
                .description("Connections open on the ISO ILL listener").register(registry);
    }

    /** Reads the database's figures again; while the database is away, the last ones stand. */
    public void refresh() {
        try {
            Map<String, Long> open = deadLetters.openByReason();
            openDeadLetters.register(open.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("reason", e.getKey()), e.getValue())).toList(), true);
            outboxPending.set(outbox.count(OutboxStatus.PENDING) + outbox.count(OutboxStatus.SENDING));
            oldestPendingSeconds.set(outbox.oldestPending()
                    .map(at -> Math.max(0, clock.instant().getEpochSecond() - at.getEpochSecond())).orElse(0L));
        } catch (RuntimeException databaseAway) {
            LOG.debug("Meters not refreshed: {}", databaseAway.getMessage());
        }
    }

    /** Camel's figures for each route, read from its managed route each scrape (so they follow a reloaded route). */
    public void bindRoutes(CamelContext camel) {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        if (managed == null) {
            return;
        }
        for (String routeId : camel.getRoutes().stream().map(Route::getRouteId).toList()) {
            routeCounter(managed, routeId, "camel.route.exchanges", "Exchanges the route completed or failed",
                    route -> route.getExchangesTotal());
            routeCounter(managed, routeId, "camel.route.failures", "Exchanges that failed in the route",
                    route -> route.getExchangesFailed());
            FunctionCounter.builder("camel.route.processing.time", managed, m -> figure(m, routeId,
                    route -> route.getTotalProcessingTime() / 1000.0)).tag("route", routeId).baseUnit("seconds")
                    .description("Time the route spent processing, in all").register(registry);
        }
    }

    private void routeCounter(ManagedCamelContext managed, String routeId, String name, String description,
                              ToDoubleFunction<ManagedRouteMBean> figure) {
        FunctionCounter.builder(name, managed, m -> figure(m, routeId, figure)).tag("route", routeId)
                .description(description).register(registry);
    }

    private static double figure(ManagedCamelContext managed, String routeId, ToDoubleFunction<ManagedRouteMBean> figure) {
        return Optional.ofNullable(managed.getManagedRoute(routeId)).map(figure::applyAsDouble).orElse(0.0);
    }
}
