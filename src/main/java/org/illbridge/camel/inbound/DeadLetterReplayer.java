package org.illbridge.camel.inbound;

import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.illbridge.camel.InboxWriter;
import org.illbridge.camel.IsoIllListenerRoute;
import org.illbridge.store.DeadLetter;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.OutboxStore;

/**
 * Runs a dead letter's bytes through the inbound routes again, as if they had just arrived from
 * the same peer (after, say, a profile fix). The dead letter is closed as replayed first, so two
 * operators replaying at once replay it once; a replay that is refused again becomes a new dead letter.
 */
public final class DeadLetterReplayer {

    /** What a replay came to: the outcome (applied, refused, …) and the new dead letter, if refused again. */
    public record Replay(String outcome, @com.fasterxml.jackson.annotation.JsonProperty("new-dead-letter") Long newDeadLetter) {
    }

    private final DeadLetterStore deadLetters;
    private final OutboxStore outbox;
    private final ProducerTemplate producer;
    private final Clock clock;

    public DeadLetterReplayer(DeadLetterStore deadLetters, OutboxStore outbox, ProducerTemplate producer, Clock clock) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.producer = producer;
        this.clock = clock;
    }

    /** Empty when there is no open dead letter with this id. */
    public Optional<Replay> replay(long id) {
        Optional<DeadLetter> letter = deadLetters.find(id).filter(d -> DeadLetter.OPEN.equals(d.status()));
        Optional<byte[]> bytes = deadLetters.rawBytes(id);
        if (letter.isEmpty() || bytes.isEmpty()) {
            return Optional.empty();
        }
        if ("out".equals(letter.get().direction())) {
            return resend(letter.get());
        }
        if (!deadLetters.close(id, DeadLetter.REPLAYED, clock.instant())) {
            return Optional.empty();
        }
        Exchange result = producer.send(IsoIllListenerRoute.APDU_RECEIVED, exchange -> {
            exchange.getMessage().setBody(bytes.get());
            exchange.getMessage().setHeader(InboxWriter.INBOX_ID, letter.get().inboxId());
            exchange.getMessage().setHeader(InboxWriter.PEER, letter.get().peer());
        });
        if (result.getException() != null) {
            throw new IllegalStateException("replaying dead letter " + id + " failed: " + result.getException().getMessage(),
                    result.getException());
        }
        return Optional.of(new Replay(result.getMessage().getHeader(Outcome.HEADER, String.class),
                result.getMessage().getHeader(DeadLetterRecorder.DEAD_LETTER_ID, Long.class)));
    }

    /** An APDU of ours that could not be delivered, or was rejected: send it again from the start. */
    private Optional<Replay> resend(DeadLetter letter) {
        if (letter.outboxId() == null) {
            throw new IllegalArgumentException("dead letter " + letter.id() + " was refused before it was sent:"
                    + " take the action again once it is corrected");
        }
        if (!outbox.resend(letter.outboxId(), clock.instant())) {
            throw new IllegalArgumentException("outbox entry " + letter.outboxId() + " is not failed or rejected");
        }
        deadLetters.close(letter.id(), DeadLetter.REPLAYED, clock.instant());
        return Optional.of(new Replay("resent", null));
    }

    public boolean discard(long id) {
        return deadLetters.close(id, DeadLetter.DISCARDED, clock.instant());
    }
}
