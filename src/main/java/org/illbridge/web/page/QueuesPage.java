package org.illbridge.web.page;

import java.util.List;
import java.util.Optional;
import org.illbridge.protocol.Role;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Queue;
import org.illbridge.store.RequestSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** A queue of the message file (or a search across it), newest first, a page at a time. */
@Controller
public class QueuesPage {

    private final MessageFileStore messageFile;
    private final PageProperties page;

    public QueuesPage(MessageFileStore messageFile, PageProperties page) {
        this.messageFile = messageFile;
        this.page = page;
    }

    @GetMapping("/")
    String queue(@RequestParam(defaultValue = "lending") String role, @RequestParam(required = false) String queue,
                 @RequestParam(required = false) String reported, @RequestParam(required = false) String q,
                 @RequestParam(required = false) Long before, Model model) {
        Role side = Role.ofCode(role);
        boolean searching = q != null && !q.isBlank();
        Queue shown = searching || reported != null ? null : Queue.ofLabel(queue != null ? queue : Queue.PENDING.label());
        List<IllTransaction> requests = messageFile.list(new RequestSearch(searching ? null : side, shown, null, null,
                q, reported, before, page.pageSize()));
        model.addAttribute("role", side.code());
        model.addAttribute("title", searching ? "Search: " + q.strip()
                : (side == Role.LENDING ? "Lending" : "Borrowing") + " — " + (shown != null ? Navigation.label(shown) : reported));
        model.addAttribute("q", q);
        model.addAttribute("requests", requests);
        String searched = searching ? q : null;
        String label = shown == null ? null : shown.label();
        model.addAttribute("older", requests.size() < page.pageSize() ? null
                : link(side, label, reported, searched, requests.get(requests.size() - 1).id()));
        model.addAttribute("newest", before == null ? null : link(side, label, reported, searched, null));
        if (!searching) {
            // the queue list marks this queue, however the address was written ("/" is Lending Pending)
            model.addAttribute("currentHref", link(side, label, reported, null, null));
        }
        return "queue";
    }

    /** The address of a queue (or a search), a page of it when {@code before} is given. */
    static String link(Role role, String queue, String reported, String q, Long before) {
        return UriComponentsBuilder.fromPath("/").queryParam("role", role.code())
                .queryParamIfPresent("queue", Optional.ofNullable(queue))
                .queryParamIfPresent("reported", Optional.ofNullable(reported))
                .queryParamIfPresent("q", Optional.ofNullable(q))
                .queryParamIfPresent("before", Optional.ofNullable(before)).encode().toUriString();
    }
}
