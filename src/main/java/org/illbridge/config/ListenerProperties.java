package org.illbridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The ISO ILL TCP listener ({@code illbridge.listen.*}).
 *
 * @param host the address to bind; 0.0.0.0 listens on every interface
 * @param port the ISO ILL port (IANA's is 499; ILLiad and many sites use 1611)
 * @param maxFrameSize an APDU larger than this closes the connection instead of being buffered
 * @param maxNestingDepth how deeply indefinite-length elements may nest inside one APDU
 * @param idleTimeout a connection with no traffic for this long is closed
 * @param frameTimeout an APDU begun but not finished within this closes the connection
 * @param maxConnections connections the listener holds open at most; more are closed when accepted
 * @param maxConnectionsPerSource the same, from any one source address
 * @param maxUnfinishedBytes bytes of unfinished APDUs all connections together may hold; the
 *     connection that would go over is closed (its bytes kept as unframed)
 * @param framesInFlight frames one connection may have read but not yet kept durably; beyond it
 *     the connection is not read until they are (TCP pushes back on the peer)
 * @param maxBytesInFlight the same in bytes, for all connections together
 */
@ConfigurationProperties("illbridge.listen")
public record ListenerProperties(
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("1611") int port,
        @DefaultValue("1MB") DataSize maxFrameSize,
        @DefaultValue("64") int maxNestingDepth,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("60s") Duration frameTimeout,
        @DefaultValue("200") int maxConnections,
        @DefaultValue("20") int maxConnectionsPerSource,
        @DefaultValue("64MB") DataSize maxUnfinishedBytes,
        @DefaultValue("64") int framesInFlight,
        @DefaultValue("64MB") DataSize maxBytesInFlight) {

    /** The listener as it is recorded against each APDU it receives. */
    public String address() {
        return host + ":" + port;
    }

    public int maxFrameBytes() {
        return Math.toIntExact(maxFrameSize.toBytes());
    }
}
