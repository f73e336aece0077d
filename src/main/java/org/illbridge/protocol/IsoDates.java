package org.illbridge.protocol;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Dates as people write them (YYYY-MM-DD or YYYYMMDD) and as ISO 10161 carries them (ISO-Date, YYYYMMDD). */
public final class IsoDates {

    private static final DateTimeFormatter ISO_10161 = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DASHED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLAIN = Pattern.compile("\\d{8}");

    private IsoDates() {
    }

    /**
     * The date in {@code value}, or null when there is none.
     *
     * @throws IllegalArgumentException saying which field holds what, when it is not a date
     */
    public static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String date = value.strip();
        try {
            if (DASHED.matcher(date).matches()) {
                return LocalDate.parse(date, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
            }
            if (PLAIN.matcher(date).matches()) {
                return LocalDate.parse(date, ISO_10161);
            }
        } catch (DateTimeParseException impossible) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a date in the calendar.");
        }
        throw new IllegalArgumentException(field + " '" + value + "' is not a date: write YYYY-MM-DD (or YYYYMMDD).");
    }

    /** The ISO-Date form, YYYYMMDD. */
    public static String format(LocalDate date) {
        return date == null ? null : ISO_10161.format(date);
    }
}
