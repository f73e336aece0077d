package org.illbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessing waits longer after each wrong password, for that name from that address only. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fiveWrongPasswordsAreFreeThenEachWaitDoubles() {
        failTimes(5);
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));

        now = now.plusSeconds(1);
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isZero();
        failTimes(1);
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        failTimes(1);
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theWaitStopsGrowingAtTheLongest() {
        failTimes(40);

        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void someoneGuessingElsewhereDoesNotLockAnnOut() {
        failTimes(10);

        assertThat(throttle.waitBefore("ann", "10.0.0.2")).isZero();
        assertThat(throttle.waitBefore("bob", "10.0.0.1")).isZero();
    }

    @Test
    void theRightPasswordForgetsTheFailures() {
        failTimes(5);
        now = now.plusSeconds(1);

        throttle.succeeded("ann", "10.0.0.1");
        failTimes(1);

        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isZero();
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
    }
}
