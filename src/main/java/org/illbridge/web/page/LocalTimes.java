package org.illbridge.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Times and dates as staff read them: in the library's time zone, to the minute, no microseconds. */
@Component("times")
public class LocalTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final ZoneId zone;

    public LocalTimes(PageProperties page) {
        this.zone = page.zone();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** A time without a zone (as a partner wrote it), shown as it is. */
    public String localTime(LocalDateTime at) {
        return at == null ? "" : TIME.format(at);
    }

    /** An ISO-Date (YYYYMMDD) as a date; anything else as it is. */
    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        try {
            return DATE.format(LocalDate.parse(isoDate, ISO_DATE));
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    public String zoneName() {
        return zone.getId();
    }
}
