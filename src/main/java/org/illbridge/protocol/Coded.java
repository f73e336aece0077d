package org.illbridge.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A closed set of values that is stored or sent under a code: the enum says what, the code is
 * what the database and the API hold — the constant's name in lower case, words joined by '-'.
 */
public interface Coded {

    @JsonValue
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value of {@code kind} written as {@code code}. */
    static <E extends Enum<E> & Coded> E ofCode(Class<E> kind, String code) {
        for (E value : kind.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a " + kind.getSimpleName() + "; the values are "
                + Arrays.stream(kind.getEnumConstants()).map(Coded::code).toList());
    }
}
