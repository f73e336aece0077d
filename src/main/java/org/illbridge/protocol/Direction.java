package org.illbridge.protocol;

/** Which way an APDU went: received from a peer (in), or sent by us (out). */
public enum Direction implements Coded {
    IN,
    OUT;

    public static Direction ofCode(String code) {
        return Coded.ofCode(Direction.class, code);
    }
}
