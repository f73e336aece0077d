package org.illbridge.config;

import java.net.BindException;

/** A listener the profiles name cannot be bound: the address, where it is named, and why. */
public final class ListenerInUseException extends RuntimeException {

    private final int port;
    private final String namedBy;

    /**
     * @param address the address as the profile names it
     * @param bound the host and port tried
     */
    public ListenerInUseException(String address, String bound, int port, String namedBy, BindException cause) {
        super("The ISO ILL listener " + address + " (" + namedBy + ") cannot listen on " + bound + ": " + cause.getMessage(), cause);
        this.port = port;
        this.namedBy = namedBy;
    }

    public int port() {
        return port;
    }

    public String namedBy() {
        return namedBy;
    }
}
