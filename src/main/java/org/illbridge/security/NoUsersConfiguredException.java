package org.illbridge.security;

/** The staff page and API would be open beyond this machine with nobody able to log in. */
public final class NoUsersConfiguredException extends IllegalStateException {

    public NoUsersConfiguredException(String address) {
        super("server.address is " + address + ", beyond this machine, and no users are configured: add users under"
                + " illbridge.security.users in config/application.yaml (java -jar illbridge.jar hash-password makes a"
                + " password hash), or bind the page to 127.0.0.1");
    }
}
