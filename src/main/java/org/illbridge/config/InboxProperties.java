package org.illbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox ({@code illbridge.inbox.*}).
 *
 * @param spoolDirectory where frames are kept while the database cannot take them
 * @param spoolRetryInterval how often spooled frames are moved into the database
 * @param recoverAfter an APDU still unprocessed this long after it arrived is processed again
 * @param recoveryInterval how often the inbox is looked at for such APDUs
 */
@ConfigurationProperties("illbridge.inbox")
public record InboxProperties(
        @DefaultValue("data/inbox-spool") Path spoolDirectory,
        @DefaultValue("10s") Duration spoolRetryInterval,
        @DefaultValue("2m") Duration recoverAfter,
        @DefaultValue("1m") Duration recoveryInterval) {
}
