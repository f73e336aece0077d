package org.illbridge.web;

import java.util.List;
import org.illbridge.store.InboxEntry;
import org.illbridge.store.InboxStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What arrived: the inbox, newest first, and the exact bytes of each entry. */
@RestController
@RequestMapping("/api/inbox")
public class InboxController {

    private final InboxStore inbox;

    public InboxController(InboxStore inbox) {
        this.inbox = inbox;
    }

    /**
     * @param limit how many entries, at most 1000
     * @param before only entries with a smaller id (for paging: pass the last id of the previous page)
     */
    @GetMapping
    public List<InboxEntry> list(@RequestParam(defaultValue = "100") int limit,
                                 @RequestParam(required = false) Long before) {
        Limits.check(limit);
        return inbox.newest(limit, before);
    }

    @GetMapping("/{id}")
    public InboxEntry entry(@PathVariable long id) {
        return inbox.find(id).orElseThrow(() -> new NotFoundException("no inbox entry " + id));
    }

    @GetMapping("/{id}/raw")
    public ResponseEntity<byte[]> raw(@PathVariable long id) {
        byte[] bytes = inbox.rawBytes(id).orElseThrow(() -> new NotFoundException("no inbox entry " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inbox-" + id + ".ber\"")
                .body(bytes);
    }
}
