package org.illbridge.camel;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * One ISO ILL listener: the address as the profile names it (what OCLC sends to, recorded against
 * every APDU received there) and the host and port it is bound on.
 *
 * @param name the address as configured, {@code host:port}
 * @param host the host bound: the named one where it is this machine's, else the listener's
 *     default host (a public name in front of a NAT or proxy reaches us on the same port)
 * @param port the port bound
 */
public record ListenerAddress(String name, String host, int port) {

    private static final String WILDCARD = "0.0.0.0";

    /** A listener for {@code address} ({@code host:port}), bound on {@code defaultHost} unless its host is local. */
    public static ListenerAddress of(String address, String defaultHost) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || !address.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("listener '" + address + "' is not host:port (for example 0.0.0.0:1611)");
        }
        int port = Integer.parseInt(address.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("listener '" + address + "': the port must be from 1 to 65535");
        }
        String host = address.substring(0, colon).replaceAll("^\\[|]$", "");
        return new ListenerAddress(address, isLocal(host) ? host : defaultHost, port);
    }

    /** The listener {@code illbridge.listen} names, bound as it says. */
    public static ListenerAddress configured(String host, int port) {
        return new ListenerAddress(host + ":" + port, host, port);
    }

    /**
     * Whether this listener already takes what {@code other} would: the same port on the same host,
     * or on every host (one socket cannot be bound beside a wildcard one on the same port).
     */
    public boolean covers(ListenerAddress other) {
        return port == other.port && (isWildcard() || other.isWildcard() || sameHost(other));
    }

    /** The route's id: the configured listener keeps the plain one that JMX names and dashboards use. */
    public String routeId(boolean configured) {
        return configured ? "iso-ill-listener" : "iso-ill-listener-" + (isWildcard() ? "" : host + "-") + port;
    }

    boolean isWildcard() {
        return WILDCARD.equals(host) || "::".equals(host) || "0:0:0:0:0:0:0:0".equals(host);
    }

    private boolean sameHost(ListenerAddress other) {
        return literal(host).equals(literal(other.host));
    }

    private static String literal(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** Whether {@code host} is an address of this machine (or every address), so that it can be bound. */
    static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
