package org.illbridge.camel.netty;

import java.util.Objects;

/**
 * What the framing layer hands to the listener route: either one complete APDU's bytes, or the
 * bytes of a connection whose stream could not be framed, with the reason. Both are stored, so
 * nothing a peer sent is lost.
 */
public record InboundFrame(byte[] bytes, String framingError) {

    public InboundFrame {
        Objects.requireNonNull(bytes, "bytes");
    }

    public static InboundFrame complete(byte[] bytes) {
        return new InboundFrame(bytes, null);
    }

    public static InboundFrame unframed(byte[] bytes, String reason) {
        return new InboundFrame(bytes, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isComplete() {
        return framingError == null;
    }
}
