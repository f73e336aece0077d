package org.illbridge.web.page;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.inbound.DeadLetterReplays;
import org.illbridge.management.AddressChanges;
import org.illbridge.store.DeadLetter;
import org.illbridge.store.DeadLetterStatus;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxStore;
import org.illbridge.store.OutboxStatus;
import org.illbridge.store.OutboxStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' views: dead letters (Replay only where a replay can work), the outbox with "retry
 * now", the inbox's latest frames, and the profiles in force with their listeners and address changes.
 */
@Controller
public class OperationsPages {

    private static final int SHOWN = 100;

    private final DeadLetterStore deadLetters;
    private final DeadLetterReplays replays;
    private final OutboxStore outbox;
    private final InboxStore inbox;
    private final ProfileRegistry profiles;
    private final AddressChanges addressChanges;

    public OperationsPages(DeadLetterStore deadLetters, DeadLetterReplays replays, OutboxStore outbox, InboxStore inbox,
                           ProfileRegistry profiles, AddressChanges addressChanges) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.outbox = outbox;
        this.inbox = inbox;
        this.profiles = profiles;
        this.addressChanges = addressChanges;
    }

    @GetMapping("/operations/dead-letters")
    String deadLetters(@RequestParam(required = false) String reason, @RequestParam(defaultValue = "open") String status,
                       Model model) {
        model.addAttribute("reason", reason);
        model.addAttribute("status", status);
        List<DeadLetter> letters = deadLetters.list("all".equals(status) ? null : DeadLetterStatus.ofCode(status), reason, SHOWN);
        model.addAttribute("letters", letters);
        model.addAttribute("replayable", letters.stream().filter(DeadLetterReplays::canReplay).map(DeadLetter::id)
                .collect(Collectors.toSet()));
        return "dead-letters";
    }

    @PostMapping("/operations/dead-letters/{id}/replay")
    String replay(@PathVariable long id, RedirectAttributes redirect) {
        RequestPage.Result result;
        try {
            result = replays.replay(id).map(replay -> replay.newDeadLetter() == null
                            ? new RequestPage.Result("queued", "Dead letter " + id + " replayed: " + replay.outcome() + ".", null)
                            : new RequestPage.Result("refused", "Dead letter " + id + " was refused again, as dead letter "
                                    + replay.newDeadLetter() + ": " + replay.reason(), null))
                    .orElse(new RequestPage.Result("refused", "Dead letter " + id + " is not open any more.", null));
        } catch (IllegalArgumentException e) {
            result = new RequestPage.Result("refused", "Dead letter " + id + " cannot be replayed: " + e.getMessage(), null);
        }
        redirect.addFlashAttribute("result", result);
        return "redirect:/operations/dead-letters";
    }

    @PostMapping("/operations/dead-letters/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("result", replays.discard(id)
                ? new RequestPage.Result("queued", "Dead letter " + id + " discarded.", null)
                : new RequestPage.Result("refused", "Dead letter " + id + " is not open any more.", null));
        return "redirect:/operations/dead-letters";
    }

    @GetMapping("/operations/outbox")
    String outbox(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("entries", outbox.list(status == null ? null : OutboxStatus.ofCode(status), SHOWN));
        return "outbox";
    }

    @PostMapping("/operations/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("result", outbox.retryNow(id, Instant.now())
                ? new RequestPage.Result("queued", "Outbox entry " + id + " will be sent at the next poll.", null)
                : new RequestPage.Result("refused", "Outbox entry " + id + " is sent or being sent: nothing to retry.", null));
        return "redirect:/operations/outbox";
    }

    @GetMapping("/operations/inbox")
    String inbox(Model model) {
        model.addAttribute("frames", inbox.newest(SHOWN, null));
        return "inbox";
    }

    @GetMapping("/operations/profiles")
    String profiles(Model model) {
        model.addAttribute("sites", profiles.current().sites());
        model.addAttribute("addresses", addressChanges.report().sites().stream()
                .collect(Collectors.toMap(AddressChanges.Site::symbol, site -> site)));
        return "profiles";
    }
}
