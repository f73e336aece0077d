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
 * @param writeTimeout a frame the database has not stored within this goes to the spool, and so
 *     do the next ones until the database answers again
 * @param maxBatch frames stored together in one transaction at most (group commit)
 * @param connectionBatch APDUs of one connection, read together, that are kept and applied in one
 *     database transaction at most (one flush for all of them); 1: each on its own
 * @param applyBatch APDUs that came alone (one per read) applied together in one transaction at
 *     most, from any connections (group commit, each behind a savepoint of its own); 1 applies each in
 *     a transaction of its own; 0 leaves it to the database (64 on H2, 1 on PostgreSQL)
 * @param keepUnframed how long bytes that could not be framed are kept (0: for ever)
 * @param keepDuplicates how long the inbox entries of APDUs received again are kept (0: for ever)
 */
@ConfigurationProperties("illbridge.inbox")
public record InboxProperties(
        @DefaultValue("data/inbox-spool") Path spoolDirectory,
        @DefaultValue("10s") Duration spoolRetryInterval,
        @DefaultValue("2m") Duration recoverAfter,
        @DefaultValue("1m") Duration recoveryInterval,
        @DefaultValue("2s") Duration writeTimeout,
        @DefaultValue("256") int maxBatch,
        @DefaultValue("64") int connectionBatch,
        @DefaultValue("0") int applyBatch,
        @DefaultValue("90d") Duration keepUnframed,
        @DefaultValue("30d") Duration keepDuplicates) {
}
