package org.illbridge.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A partner a site exchanges APDUs with: OCLC, or another ISO ILL library.
 *
 * @param symbol its symbol, as in the APDUs' System-Ids
 * @param address where it listens, {@code host:port}
 * @param charset how its ILL-Strings are encoded (UTF-8 unless it says otherwise)
 * @param interaction whether it expects replies on its own connection or on one we open
 * @param oclcRules whether what we send it must pass OCLC's rules (true for OCLC), not only the protocol's
 * @param previousAddress during an address change, the old address, which also gets our APDUs ...
 * @param previousAddressValidUntil ... until this time (local)
 * @param allowedSources the addresses or networks it may send from (empty: anywhere); an APDU naming
 *                       its symbol from elsewhere is refused as sender-not-allowed
 */
public record Peer(String symbol, String address, Charset charset, Interaction interaction,
                   @JsonProperty("oclc-rules") boolean oclcRules,
                   @JsonProperty("previous-address") String previousAddress,
                   @JsonProperty("previous-address-valid-until") LocalDateTime previousAddressValidUntil,
                   @JsonProperty("allowed-sources") List<String> allowedSources) {

    public Peer {
        Objects.requireNonNull(symbol, "every peer needs a symbol");
        requireHostAndPort("peer " + symbol, "address", address);
        requireHostAndPort("peer " + symbol, "previous-address", previousAddress);
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        interaction = interaction == null ? Interaction.SEPARATE_CONNECTION : interaction;
        allowedSources = allowedSources == null ? List.of() : List.copyOf(allowedSources);
        for (String source : allowedSources) {
            SourceNetwork.parse(symbol, source);
        }
    }

    /** Whether an APDU naming this peer may come from {@code host}. */
    public boolean allowsSource(String host) {
        return allowedSources.isEmpty()
                || allowedSources.stream().anyMatch(source -> SourceNetwork.parse(symbol, source).contains(host));
    }

    /** An address is host:port, the port a number from 1 to 65535, as the peer is profiled at OCLC. */
    static void requireHostAndPort(String whose, String name, String address) {
        if (address == null) {
            return;
        }
        int colon = address.lastIndexOf(':');
        String port = colon > 0 ? address.substring(colon + 1) : "";
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(whose + ": " + name + " '" + address
                    + "' is not host:port with a port from 1 to 65535 (for example ill.example.org:499)");
        }
    }

    /** Where an APDU sent at {@code now} goes: the address, and the previous one while it is still valid. */
    public List<String> addressesAt(LocalDateTime now) {
        List<String> addresses = new ArrayList<>();
        if (address != null) {
            addresses.add(address);
        }
        if (previousAddress != null && previousAddressValidUntil != null && now.isBefore(previousAddressValidUntil)) {
            addresses.add(previousAddress);
        }
        return addresses;
    }

    /** The host part of {@link #address()}, or null. */
    public String host() {
        if (address == null) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }
}
