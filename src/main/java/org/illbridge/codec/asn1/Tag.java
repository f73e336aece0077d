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

    /** Tags with small numbers are shared, so reading one allocates nothing. */
    private static final int CACHED = 64;
    private static final Tag[][] SHARED = new Tag[4][CACHED];

    static {
        for (int c = 0; c < 4; c++) {
            for (int n = 0; n < CACHED; n++) {
                SHARED[c][n] = new Tag(c << 6, n);
            }
        }
    }

    /** [UNIVERSAL 8], the tag of an EXTERNAL. */
    public static final Tag EXTERNAL = of(UNIVERSAL, 8);

    public static Tag of(int tagClass, int number) {
        return number >= 0 && number < CACHED ? SHARED[(tagClass >> 6) & 3][number] : new Tag(tagClass, number);
    }

    public static Tag universal(int number) {
        return of(UNIVERSAL, number);
    }

    public static Tag application(int number) {
        return of(APPLICATION, number);
    }

    public static Tag context(int number) {
        return of(CONTEXT, number);
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
