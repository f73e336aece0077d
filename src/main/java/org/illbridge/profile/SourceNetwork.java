package org.illbridge.profile;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address or network a peer may send from, written {@code 192.0.2.7}, {@code 10.1.0.0/16} or
 * {@code 2001:db8::/32}. Only literal addresses: a host name would make identity depend on DNS.
 */
public record SourceNetwork(byte[] network, int prefixBits) {

    public static SourceNetwork parse(String peer, String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] address = literal(peer, text, parts[0]);
        int bits = address.length * 8;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("peer " + peer + ": allowed-sources '" + text + "' has no prefix length"
                        + " from 0 to " + address.length * 8);
            }
        }
        return new SourceNetwork(address, bits);
    }

    /** Whether {@code host} (a literal address, as a connection reports it) is in this network. */
    public boolean contains(String host) {
        byte[] address;
        try {
            address = host == null || !looksLiteral(host) ? null : InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            address = null;
        }
        if (address == null || address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String peer, String text, String address) {
        if (!looksLiteral(address)) {
            throw new IllegalArgumentException("peer " + peer + ": allowed-sources '" + text + "' is not an IP address or"
                    + " network (write 192.0.2.7, 10.1.0.0/16 or 2001:db8::/32; host names are not accepted)");
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("peer " + peer + ": allowed-sources '" + text + "' is not an IP address", e);
        }
    }

    /** Digits and dots (IPv4) or hex digits and colons (IPv6): never looked up in DNS. */
    private static boolean looksLiteral(String address) {
        return address.matches("[0-9.]+") && address.chars().filter(c -> c == '.').count() == 3
                || address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    }
}
