package org.illbridge.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sending APDUs to peers ({@code illbridge.outbound.*}).
 *
 * @param drainInterval how often the outbox is looked at
 * @param retryDelays the waits after each failed attempt; one attempt more than delays is made
 *     (default, like ILLiad: 4 attempts over about an hour), then the APDU is a "sending failed" dead letter
 * @param connectTimeout how long to wait for a peer to accept a connection
 * @param replyTimeout how long to wait for a Direct Request style peer's reply on the same connection
 * @param claimLease how long an instance holds the outbox rows it claims before it starts on them;
 *     each attempt then extends its row's claim over the attempt (connect, reply, with a margin)
 */
@ConfigurationProperties("illbridge.outbound")
public record OutboundProperties(
        @DefaultValue("1s") Duration drainInterval,
        @DefaultValue({"5m", "15m", "40m"}) List<Duration> retryDelays,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration replyTimeout,
        @DefaultValue("2m") Duration claimLease) {
}
