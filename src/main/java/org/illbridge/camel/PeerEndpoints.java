package org.illbridge.camel;

import java.time.Duration;

/**
 * The Camel Netty endpoints APDUs leave by, for {@code toD}: the address is an expression the
 * route fills in per message ({@code ${exchangeProperty.…}}), so every send shows in the route's
 * statistics and trace. Bodies are the APDU's bytes ({@link ListenerConfiguration#APDU_ENCODER}).
 */
public final class PeerEndpoints {

    private final Duration connectTimeout;
    private final Duration replyTimeout;

    public PeerEndpoints(Duration connectTimeout, Duration replyTimeout) {
        this.connectTimeout = connectTimeout;
        this.replyTimeout = replyTimeout;
    }

    /** Write the APDU on a connection of its own, then close it (separate-connection peers, error reports). */
    public String oneWay(String address) {
        return base(address) + "&sync=false";
    }

    /**
     * Write the APDU and wait for the one APDU a Direct Request style peer answers with on the same
     * connection, framed by the listener's BER decoder; the body becomes that frame.
     */
    public String awaitingReply(String address) {
        return base(address) + "&sync=true&decoders=#" + ListenerConfiguration.REPLY_DECODER
                + "&requestTimeout=" + replyTimeout.toMillis();
    }

    private String base(String address) {
        return "netty:tcp://" + address + "?disconnect=true&allowDefaultCodec=false"
                + "&encoders=#" + ListenerConfiguration.APDU_ENCODER + "&connectTimeout=" + connectTimeout.toMillis();
    }
}
