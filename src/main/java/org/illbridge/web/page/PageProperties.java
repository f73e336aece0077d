package org.illbridge.web.page;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff page ({@code illbridge.page.*}).
 *
 * @param timeZone the library's time zone, in which the page shows every time (e.g. America/New_York);
 *                 the machine's when empty
 * @param pageSize requests per page of a queue
 * @param countsRefresh how old the queue list's counts may be: counting a large message file on every
 *                      page view would cost more than the page (0 counts on every view)
 */
@ConfigurationProperties("illbridge.page")
public record PageProperties(@DefaultValue("") String timeZone, @DefaultValue("50") int pageSize,
                             @DefaultValue("5s") Duration countsRefresh) {

    public ZoneId zone() {
        if (timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("illbridge.page.time-zone '" + timeZone + "' is not a time zone; write one"
                    + " such as America/New_York or Europe/Berlin", e);
        }
    }
}
