package org.illbridge.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.illbridge.outbound.OutboundService;
import org.illbridge.protocol.ActionRequest;
import org.illbridge.protocol.NewRequest;
import org.illbridge.store.OutboxEntry;
import org.illbridge.store.OutboxStatus;
import org.illbridge.store.OutboxStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What staff do: place a borrowing request, act on a request; and the outbox that carries it. */
@RestController
public class ActionsController {

    private final OutboundService outbound;
    private final OutboxStore outbox;

    public ActionsController(OutboundService outbound, OutboxStore outbox) {
        this.outbound = outbound;
        this.outbox = outbox;
    }

    @PostMapping("/api/requests")
    @ResponseStatus(HttpStatus.CREATED)
    public OutboundService.Queued place(@RequestBody NewRequest request, Principal user) {
        return outbound.place(request, user.getName());
    }

    /** The actions the request allows now, each with its fields: what the staff page's action bar shows. */
    @GetMapping("/api/requests/{id}/actions")
    public OutboundService.Available available(@PathVariable long id) {
        return outbound.available(id);
    }

    @PostMapping("/api/requests/{id}/actions")
    public OutboundService.Queued act(@PathVariable long id, @RequestBody ActionRequest action, Principal user) {
        return outbound.act(id, action, user.getName());
    }

    @GetMapping("/api/outbox")
    public List<OutboxEntry> list(@RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "100") int limit) {
        Limits.check(limit);
        return outbox.list(status == null ? null : OutboxStatus.ofCode(status), limit);
    }

    @GetMapping("/api/outbox/{id}")
    public OutboxEntry entry(@PathVariable long id) {
        return outbox.find(id).orElseThrow(() -> new NotFoundException("no outbox entry " + id));
    }

    @PostMapping("/api/outbox/{id}/resend")
    public OutboxEntry resend(@PathVariable long id) {
        if (!outbox.resend(id, Instant.now())) {
            throw new BadRequestException("outbox entry " + id + " is not failed or rejected");
        }
        return outbox.find(id).orElseThrow();
    }
}
