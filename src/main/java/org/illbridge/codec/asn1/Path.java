package org.illbridge.codec.asn1;

import java.util.Arrays;

/**
 * Where in a value the codec is, kept as a stack of ASN.1 names and SEQUENCE OF indexes while
 * decoding or encoding. Pushing and popping allocate nothing; the path is only spelled out
 * ({@code ILL-Request.item-id.title}, {@code …iLL-service-type[2]}) when something goes wrong.
 */
final class Path {

    private static final int INITIAL_DEPTH = 12;

    private String[] names = new String[INITIAL_DEPTH];
    private int[] indexes = new int[INITIAL_DEPTH];
    private int depth;

    Path(String root) {
        names[0] = root;
        depth = 1;
    }

    void push(String name) {
        grow();
        names[depth] = name;
        indexes[depth++] = -1;
    }

    void pushIndex(int index) {
        grow();
        names[depth] = null;
        indexes[depth++] = index;
    }

    void pop() {
        depth--;
    }

    int depth() {
        return depth;
    }

    /** Back to an earlier depth, after an attempt that failed part-way. */
    void truncate(int earlierDepth) {
        depth = earlierDepth;
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(names[0]);
        for (int i = 1; i < depth; i++) {
            if (names[i] == null) {
                text.append('[').append(indexes[i]).append(']');
            } else {
                text.append('.').append(names[i]);
            }
        }
        return text.toString();
    }
}
