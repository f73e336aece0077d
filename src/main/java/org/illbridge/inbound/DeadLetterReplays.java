package org.illbridge.inbound;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.util.Optional;
import org.illbridge.protocol.Direction;
import org.illbridge.store.DeadLetter;
import org.illbridge.store.DeadLetterStatus;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.OutboxStore;

/**
 * What staff do with a dead letter. Replaying an inbound one runs its bytes through the inbound
 * routes again, as if they had just arrived from the same peer (after, say, a profile fix); it is
 * closed as replayed first, so two operators replaying at once replay it once, and a replay that
 * is refused again becomes a new dead letter. Replaying an outbound one sends it again from the start.
 */
public final class DeadLetterReplays {

    /** What a replay came to: the outcome (applied, refused, resent, …) and, if refused again, the new dead letter and why. */
    public record Replay(String outcome, @JsonProperty("new-dead-letter") Long newDeadLetter, String reason) {
    }

    private final DeadLetterStore deadLetters;
    private final OutboxStore outbox;
    private final InboundProcessing processing;
    private final Clock clock;

    public DeadLetterReplays(DeadLetterStore deadLetters, OutboxStore outbox, InboundProcessing processing, Clock clock) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.processing = processing;
        this.clock = clock;
    }

    /**
     * Empty when there is no open dead letter with this id.
     *
     * @throws IllegalArgumentException when it cannot be replayed (a staff action refused before it was sent)
     */
    public Optional<Replay> replay(long id) {
        Optional<DeadLetter> letter = deadLetters.find(id).filter(d -> d.status() == DeadLetterStatus.OPEN);
        Optional<byte[]> bytes = deadLetters.rawBytes(id);
        if (letter.isEmpty() || bytes.isEmpty()) {
            return Optional.empty();
        }
        if (letter.get().direction() == Direction.OUT) {
            return Optional.of(resend(letter.get()));
        }
        if (!deadLetters.close(id, DeadLetterStatus.REPLAYED, clock.instant())) {
            return Optional.empty();
        }
        InboundOutcome outcome = processing.process(new ReceivedApdu(letter.get().inboxId(), bytes.get(), letter.get().peer()));
        return Optional.of(outcome instanceof InboundOutcome.Refused refused
                ? new Replay(outcome.status().code(), refused.deadLetterId(), refused.refusal().sentence())
                : new Replay(outcome.status().code(), null, null));
    }

    /** Whether replaying it can work: open, and received (or sent, so it can go again), not refused before sending. */
    public static boolean canReplay(DeadLetter letter) {
        return letter.status() == DeadLetterStatus.OPEN && (letter.direction() == Direction.IN || letter.outboxId() != null);
    }

    public boolean discard(long id) {
        return deadLetters.close(id, DeadLetterStatus.DISCARDED, clock.instant());
    }

    /** An APDU of ours that could not be delivered, or was rejected: send it again from the start. */
    private Replay resend(DeadLetter letter) {
        if (letter.outboxId() == null) {
            throw new IllegalArgumentException("dead letter " + letter.id() + " was refused before it was sent:"
                    + " take the action again once it is corrected");
        }
        if (!outbox.resend(letter.outboxId(), clock.instant())) {
            throw new IllegalArgumentException("outbox entry " + letter.outboxId() + " is not failed or rejected");
        }
        deadLetters.close(letter.id(), DeadLetterStatus.REPLAYED, clock.instant());
        return new Replay("resent", null, null);
    }
}
