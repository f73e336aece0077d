package org.illbridge.web.page;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.illbridge.protocol.Role;
import org.illbridge.store.DeadLetterStatus;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStatus;
import org.illbridge.store.OutboxStore;
import org.illbridge.store.Queue;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue list beside every page, as OCLC's message file has it: borrowing and lending queues with
 * their counts, and the operators' queues.
 */
@Component
public class Navigation {

    /** One queue in the list. */
    public record Link(String label, String href, long count) {
    }

    /** The list: staff's queues per role, then the operators'. */
    public record Queues(List<Link> borrowing, List<Link> lending, List<Link> operations) {
    }

    /** The queues staff work, in the order OCLC's message file lists them; the label shown for OCLC's own. */
    static final List<Queue> STAFF_QUEUES = List.of(Queue.PENDING, Queue.CONDITIONAL, Queue.WILL_SUPPLY, Queue.SHIPPED,
            Queue.RECEIVED, Queue.RETURNED, Queue.CHECKED_IN, Queue.NOT_SUPPLIED, Queue.RENEW_PENDING, Queue.OVERDUE,
            Queue.RECALLED, Queue.CANCEL_PENDING, Queue.CANCELLED, Queue.LOST);
    static final String DAMAGED = "Damaged";

    /** The counts as last read, and when. */
    private record Counted(Queues queues, Instant at) {
    }

    private final MessageFileStore messageFile;
    private final DeadLetterStore deadLetters;
    private final OutboxStore outbox;
    private final Duration refresh;
    private Counted counted;

    public Navigation(MessageFileStore messageFile, DeadLetterStore deadLetters, OutboxStore outbox, PageProperties page) {
        this.messageFile = messageFile;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.refresh = page.countsRefresh();
    }

    /** The queue list, counted at most {@code illbridge.page.counts-refresh} ago. */
    public synchronized Queues queues() {
        Instant now = Instant.now();
        if (counted == null || !now.isBefore(counted.at().plus(refresh))) {
            Map<Role, Map<Queue, Long>> counts = messageFile.countByQueue();
            Map<Role, Long> damaged = messageFile.countReported(DAMAGED);
            counted = new Counted(new Queues(forRole(Role.BORROWING, counts.get(Role.BORROWING), damaged),
                    forRole(Role.LENDING, counts.get(Role.LENDING), damaged), operations()), now);
        }
        return counted.queues();
    }

    /** What a queue is called on the page. */
    static String label(Queue queue) {
        return switch (queue) {
            case OCLC -> "Update in OCLC";
            case RECALLED -> "Recall";
            default -> queue.label();
        };
    }

    private List<Link> forRole(Role role, Map<Queue, Long> counts, Map<Role, Long> damaged) {
        List<Link> links = new ArrayList<>();
        for (Queue queue : STAFF_QUEUES) {
            links.add(new Link(label(queue), QueuesPage.link(role, queue.label(), null, null, null), counts.getOrDefault(queue, 0L)));
        }
        links.add(new Link(DAMAGED, QueuesPage.link(role, null, DAMAGED, null, null), damaged.getOrDefault(role, 0L)));
        for (Queue queue : List.of(Queue.UNKNOWN_REQUESTER, Queue.OCLC)) {
            links.add(new Link(label(queue), QueuesPage.link(role, queue.label(), null, null, null), counts.getOrDefault(queue, 0L)));
        }
        for (Queue queue : List.of(Queue.IN_PROCESS, Queue.NEW, Queue.FORWARDED, Queue.EXPIRED)) {
            if (counts.getOrDefault(queue, 0L) > 0) {
                links.add(new Link(label(queue), QueuesPage.link(role, queue.label(), null, null, null), counts.get(queue)));
            }
        }
        return links;
    }

    private List<Link> operations() {
        List<Link> links = new ArrayList<>();
        links.add(new Link("Dead letters", "/operations/dead-letters", deadLetters.count(DeadLetterStatus.OPEN)));
        for (Map.Entry<String, Long> reason : deadLetters.openByReason().entrySet()) {
            links.add(new Link("… " + reason.getKey(), UriComponentsBuilder.fromPath("/operations/dead-letters")
                    .queryParam("reason", reason.getKey()).toUriString(), reason.getValue()));
        }
        links.add(new Link("Sending failed", "/operations/outbox?status=failed", outbox.count(OutboxStatus.FAILED)));
        links.add(new Link("Outbox", "/operations/outbox", outbox.count(OutboxStatus.PENDING)));
        links.add(new Link("Inbox", "/operations/inbox", -1));
        links.add(new Link("Profiles", "/operations/profiles", -1));
        return links;
    }
}
