package org.illbridge.protocol;

/** Which side of an ILL transaction a library is on. */
public enum Role {
    /** We are the responder: a partner asked us for an item. */
    LENDING("lending"),
    /** We are the requester: we asked a partner. */
    BORROWING("borrowing");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role ofCode(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "'");
    }
}
