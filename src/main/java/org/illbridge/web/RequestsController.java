package org.illbridge.web;

import java.util.List;
import java.util.Map;
import org.illbridge.protocol.Role;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Queue;
import org.illbridge.store.RequestSearch;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message file: requests by queue, status or symbol, and each with its history. */
@RestController
@RequestMapping("/api/requests")
public class RequestsController {

    private final MessageFileStore messageFile;

    public RequestsController(MessageFileStore messageFile) {
        this.messageFile = messageFile;
    }

    /** One request and every APDU in and out of it, oldest first. */
    public record RequestWithHistory(IllTransaction request, List<HistoryEntry> history) {
    }

    /** How many requests each queue holds, borrowing and lending apart. */
    public record QueueCounts(Map<Queue, Long> borrowing, Map<Queue, Long> lending) {
    }

    /**
     * Requests newest first. {@code q} finds a transaction qualifier, an OCLC number or a partner's
     * symbol exactly, or words of the title, author or patron; {@code before} pages back.
     */
    @GetMapping
    public List<IllTransaction> list(@RequestParam(required = false) String role,
                                     @RequestParam(required = false) String queue,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String symbol,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Long before,
                                     @RequestParam(defaultValue = "100") int limit) {
        Limits.check(limit);
        return messageFile.list(new RequestSearch(role == null ? null : Role.ofCode(role),
                queue == null ? null : Queue.ofLabel(queue), status, symbol, q, null, before, limit));
    }

    @GetMapping("/queues")
    public QueueCounts queues() {
        Map<Role, Map<Queue, Long>> counts = messageFile.countByQueue();
        return new QueueCounts(counts.get(Role.BORROWING), counts.get(Role.LENDING));
    }

    @GetMapping("/{id}")
    public RequestWithHistory request(@PathVariable long id) {
        IllTransaction request = messageFile.find(id).orElseThrow(() -> new NotFoundException("no request " + id));
        return new RequestWithHistory(request, messageFile.history(id));
    }

    @GetMapping("/{id}/history/{entry}/raw")
    public ResponseEntity<byte[]> raw(@PathVariable long id, @PathVariable long entry) {
        byte[] bytes = messageFile.historyBytes(id, entry)
                .orElseThrow(() -> new NotFoundException("no history entry " + entry + " in request " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes);
    }
}
