package org.illbridge.security;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who may do what: staff work requests, operators run the gateway (dead letters, outbox, profiles,
 * routes, JMX over HTTP), viewers read. Staff and operators can read what viewers can.
 */
public enum StaffRole {
    VIEWER,
    STAFF,
    OPERATOR;

    /** The name as configured: {@code staff}, {@code operator}, {@code viewer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    public static StaffRole ofCode(String code) {
        for (StaffRole role : values()) {
            if (role.code().equalsIgnoreCase(code.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a role; the roles are staff, operator and viewer");
    }

    /** Staff and operators see what viewers see. */
    static String hierarchy() {
        return "ROLE_STAFF > ROLE_VIEWER\nROLE_OPERATOR > ROLE_VIEWER";
    }
}
