package org.illbridge.management;

import java.time.Clock;
import java.time.Duration;
import org.illbridge.store.OutboxStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The outbox is DOWN when its oldest waiting APDU has waited longer than the threshold: peers are not getting our APDUs. */
public final class OutboxHealth implements HealthIndicator {

    private final OutboxStore outbox;
    private final Duration threshold;
    private final Clock clock;

    public OutboxHealth(OutboxStore outbox, Duration threshold, Clock clock) {
        this.outbox = outbox;
        this.threshold = threshold;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Duration waited = outbox.oldestPending().map(at -> Duration.between(at, clock.instant())).orElse(Duration.ZERO);
        Health.Builder health = waited.compareTo(threshold) > 0 ? Health.down() : Health.up();
        return health.withDetail("oldest-pending-seconds", waited.toSeconds())
                .withDetail("threshold-seconds", threshold.toSeconds()).build();
    }
}
