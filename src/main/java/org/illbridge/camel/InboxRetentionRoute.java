package org.illbridge.camel;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.config.InboxProperties;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;

/**
 * Once an hour, deletes the inbox entries nobody needs past their retention: bytes that could not
 * be framed ({@code illbridge.inbox.keep-unframed}) and APDUs received again after they were
 * applied ({@code illbridge.inbox.keep-duplicates}). Everything else is kept.
 */
public final class InboxRetentionRoute extends RouteBuilder {

    private final InboxProperties properties;
    private final InboxStore inbox;
    private final Clock clock;

    public InboxRetentionRoute(InboxProperties properties, InboxStore inbox, Clock clock) {
        this.properties = properties;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:inbox-retention?delay=60000&period=3600000")
                .routeId("inbox-retention")
                .process(exchange -> exchange.getMessage().setBody(
                        deleteOlder(InboxStatus.UNFRAMED, properties.keepUnframed())
                                + deleteOlder(InboxStatus.DUPLICATE, properties.keepDuplicates()))).id("delete-past-retention")
                .filter(simple("${body} > 0")).id("only-when-deleted")
                    .log("Deleted ${body} inbox entries past their retention").id("log-retention")
                .end();
    }

    private int deleteOlder(InboxStatus status, Duration keep) {
        return keep.isZero() ? 0 : inbox.deleteOlder(status, clock.instant().minus(keep));
    }
}
