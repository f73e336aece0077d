package org.illbridge.codec.asn1;

/**
 * A BER tag: class and number. Whether the encoding is constructed is a property of the type,
 * not of the tag, so it is not part of this value.
 */
public record Tag(int tagClass, int number) {

    public static final int UNIVERSAL = 0x00;
    public static final int APPLICATION = 0x40;
    public static final int CONTEXT = 0x80;
    public static final int PRIVATE = 0xC0;

    public static Tag universal(int number) {
        return new Tag(UNIVERSAL, number);
    }

    public static Tag application(int number) {
        return new Tag(APPLICATION, number);
    }

    public static Tag context(int number) {
        return new Tag(CONTEXT, number);
    }

    @Override
    public String toString() {
        return switch (tagClass) {
            case UNIVERSAL -> "[UNIVERSAL " + number + "]";
            case APPLICATION -> "[APPLICATION " + number + "]";
            case CONTEXT -> "[" + number + "]";
            default -> "[PRIVATE " + number + "]";
        };
    }
}
