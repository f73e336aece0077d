package org.illbridge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@code allowed} failed logins for one name from one address, each
 * further attempt must wait twice as long as the one before (1 s, 2 s, 4 s … up to {@code longest})
 * after the last failure; an attempt made sooner is refused without its password being checked.
 * Keyed by name and address, so that someone guessing elsewhere does not lock a person out.
 */
final class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    private static final int MOST_KEPT = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int allowed;
    private final Duration longest;
    private final Clock clock;

    LoginThrottle(int allowed, Duration longest, Clock clock) {
        this.allowed = allowed;
        this.longest = longest;
        this.clock = clock;
    }

    /** How long before {@code name} may try again from {@code address}; zero when it may now. */
    Duration waitBefore(String name, String address) {
        Failures seen = failures.get(key(name, address));
        if (seen == null || seen.count() < allowed) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(clock.instant(), seen.last().plus(backoff(seen.count())));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    void failed(String name, String address) {
        if (failures.size() > MOST_KEPT) {
            Instant forgotten = clock.instant().minus(longest.multipliedBy(2));
            failures.values().removeIf(f -> f.last().isBefore(forgotten));
        }
        failures.merge(key(name, address), new Failures(1, clock.instant()),
                (before, now) -> new Failures(before.count() + 1, now.last()));
    }

    void succeeded(String name, String address) {
        failures.remove(key(name, address));
    }

    private Duration backoff(int count) {
        int doublings = Math.min(count - allowed, 30);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    private static String key(String name, String address) {
        return name + "\u0000" + address;
    }
}
