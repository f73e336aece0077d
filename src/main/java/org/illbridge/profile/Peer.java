package org.illbridge.profile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A partner a site exchanges APDUs with: OCLC, or another ISO ILL library.
 *
 * @param symbol its symbol, as in the APDUs' System-Ids
 * @param address where it listens, {@code host:port}
 * @param charset how its ILL-Strings are encoded (UTF-8 unless it says otherwise)
 * @param interaction whether it expects replies on its own connection or on one we open
 */
public record Peer(String symbol, String address, Charset charset, Interaction interaction) {

    public Peer {
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        interaction = interaction == null ? Interaction.SEPARATE_CONNECTION : interaction;
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
