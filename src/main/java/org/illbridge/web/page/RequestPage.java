package org.illbridge.web.page;

import java.security.Principal;
import java.util.Map;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.outbound.ActionRefusedException;
import org.illbridge.outbound.OutboundService;
import org.illbridge.store.HistoryEntry;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.OutboxStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One request's record: what it asks for, its history as a timeline, and the action bar drawn from
 * the same "available actions" answer the API gives. An action's result (queued, or refused with
 * the sentence and the advice) is shown on the record it was taken from.
 */
@Controller
public class RequestPage {

    /** What an action came to, as the record page says it. */
    public record Result(String kind, String text, String advice) {
    }

    private final MessageFileStore messageFile;
    private final OutboxStore outbox;
    private final OutboundService outbound;
    private final LocalTimes times;
    private final IllCodec codec = new IllCodec();

    public RequestPage(MessageFileStore messageFile, OutboxStore outbox, OutboundService outbound, LocalTimes times) {
        this.messageFile = messageFile;
        this.outbox = outbox;
        this.outbound = outbound;
        this.times = times;
    }

    @GetMapping("/requests/{id}")
    String record(@PathVariable long id, Model model) {
        IllTransaction request = find(id);
        model.addAttribute("record", RequestRecord.of(request, messageFile.history(id), times));
        model.addAttribute("available", outbound.available(id));
        model.addAttribute("deliveries", outbox.forTransaction(id));
        return "request";
    }

    @PostMapping("/requests/{id}/actions")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam Map<String, String> form,
               Principal user, RedirectAttributes redirect) {
        find(id);
        Result result;
        try {
            OutboundService.Queued queued = outbound.act(id, ActionForm.toRequest(action, form), user.getName());
            String what = queued.outboxId() == null ? "Done" : "Queued for sending (outbox " + queued.outboxId() + ")";
            result = new Result("queued", what + ": the request is now " + queued.request().status() + ".", queued.note());
        } catch (ActionRefusedException e) {
            result = new Result("refused", "Refused, nothing was sent: " + e.getMessage(), e.refused().advice());
        } catch (IllegalArgumentException e) {
            result = new Result("refused", "Refused, nothing was sent: " + e.getMessage(), null);
        }
        redirect.addFlashAttribute("result", result);
        return "redirect:/requests/" + id;
    }

    /** One APDU of the history as JSON, read from the bytes kept for it. */
    @GetMapping(value = "/requests/{id}/history/{entry}/json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json(@PathVariable long id, @PathVariable long entry) {
        try {
            return ResponseEntity.ok(ApduJson.utf8().toPrettyText(codec.decode(bytes(id, entry))));
        } catch (DecodeException e) {
            return ResponseEntity.ok(historyEntry(id, entry).apdu());
        }
    }

    @GetMapping("/requests/{id}/history/{entry}/ber")
    ResponseEntity<byte[]> ber(@PathVariable long id, @PathVariable long entry) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"request-" + id + "-apdu-" + entry + ".ber\"")
                .body(bytes(id, entry));
    }

    private byte[] bytes(long id, long entry) {
        return messageFile.historyBytes(id, entry)
                .orElseThrow(() -> notFound("no history entry " + entry + " in request " + id));
    }

    private HistoryEntry historyEntry(long id, long entry) {
        return messageFile.history(id).stream().filter(h -> h.id() == entry).findFirst()
                .orElseThrow(() -> notFound("no history entry " + entry + " in request " + id));
    }

    private IllTransaction find(long id) {
        return messageFile.find(id).orElseThrow(() -> notFound("There is no request " + id + "."));
    }

    private static ResponseStatusException notFound(String why) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, why);
    }
}
