package org.illbridge.management;

import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxSpool;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Where received frames go: the inbox (UP), or the spool while the database is away — still UP
 * for peers, whose frames are kept, with the spool's size and the database's state as details.
 */
public final class IntakeHealth implements HealthIndicator {

    private final InboxIntake intake;
    private final InboxSpool spool;

    public IntakeHealth(InboxIntake intake, InboxSpool spool) {
        this.intake = intake;
        this.spool = spool;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("spooled-frames", spool.pending().size())
                .withDetail("frames-go-to", intake.isDatabaseAway() ? "the spool (the database is away)" : "the inbox")
                .withDetail("spool-directory", spool.directory().toString()).build();
    }
}
