package org.illbridge.camel;

import java.net.BindException;

/** A listener the profiles or the settings name cannot be bound: the address, where it is named, and why. */
public final class ListenerInUseException extends RuntimeException {

    private final ListenerAddress address;
    private final String namedBy;

    public ListenerInUseException(ListenerAddress address, String namedBy, BindException cause) {
        super("The ISO ILL listener " + address.name() + " (" + namedBy + ") cannot listen on " + address.host() + ":"
                + address.port() + ": " + cause.getMessage(), cause);
        this.address = address;
        this.namedBy = namedBy;
    }

    public ListenerAddress address() {
        return address;
    }

    public String namedBy() {
        return namedBy;
    }
}
