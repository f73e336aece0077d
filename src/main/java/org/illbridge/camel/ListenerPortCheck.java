package org.illbridge.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The ISO ILL port is free as the service starts: checked while the beans are made, before Camel
 * starts its routes, so that a taken port stops the start with one sentence (the failure analyzer
 * names the port and its setting) instead of Camel's stack trace first.
 */
public record ListenerPortCheck(String host, int port) {

    /** @throws UncheckedIOException wrapping the {@link java.net.BindException} when the port is taken */
    public static ListenerPortCheck of(String host, int port) {
        if (port != 0) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(host, port));
            } catch (IOException taken) {
                throw new UncheckedIOException(taken);
            }
        }
        return new ListenerPortCheck(host, port);
    }
}
