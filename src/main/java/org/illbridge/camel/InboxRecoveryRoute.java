package org.illbridge.camel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.config.InboxProperties;
import org.illbridge.store.InboxEntry;
import org.illbridge.store.InboxStore;

/**
 * Processes again what the inbox holds but nothing finished with: APDUs stored just before the
 * service stopped, or while the inbound route was missing or the database failed mid-way. Each is
 * claimed before it is processed, so several instances never process one at once; and repeating
 * is safe anyway, because an APDU is applied once whatever happens.
 */
public final class InboxRecoveryRoute extends RouteBuilder {

    private static final int BATCH = 100;
    /** Long enough to process a batch; an instance that dies holding a claim delays those entries this long. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final InboxProperties properties;
    private final InboxStore inbox;
    private final Clock clock;

    public InboxRecoveryRoute(InboxProperties properties, InboxStore inbox, Clock clock) {
        this.properties = properties;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:inbox-recovery?delay=5000&period=" + properties.recoveryInterval().toMillis())
                .routeId("inbox-recovery")
                .process(this::findUnprocessed).id("find-unprocessed-apdus")
                .split(body()).id("each-unprocessed-apdu")
                    .process(this::asReceivedApdu).id("as-received-again")
                    .log("Processing inbox entry ${header.IllbridgeInboxId} again: its processing never finished")
                        .id("log-recovery")
                    .to(IsoIllListenerRoute.APDU_RECEIVED).id("hand-again-to-inbound-routes")
                .end();
    }

    /** Claims them first: another instance recovering at the same moment takes the others. */
    private void findUnprocessed(Exchange exchange) {
        Instant now = clock.instant();
        exchange.getMessage().setBody(inbox.claimUnprocessed(now.minus(properties.recoverAfter()), now, now.plus(CLAIM), BATCH));
    }

    private void asReceivedApdu(Exchange exchange) {
        InboxEntry entry = exchange.getMessage().getBody(InboxEntry.class);
        exchange.getMessage().setHeader(InboxWriter.INBOX_ID, entry.id());
        exchange.getMessage().setHeader(InboxWriter.INBOX_STATUS, entry.status());
        exchange.getMessage().setHeader(InboxWriter.PEER, entry.peer());
        exchange.getMessage().setBody(inbox.rawBytes(entry.id()).orElseThrow());
    }
}
