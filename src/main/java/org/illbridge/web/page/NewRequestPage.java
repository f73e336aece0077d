package org.illbridge.web.page;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.outbound.ActionRefusedException;
import org.illbridge.outbound.OutboundService;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.IsoDates;
import org.illbridge.protocol.NewRequest;
import org.illbridge.protocol.OutboundRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A new borrowing request. The form is checked exactly as the API checks a request (OCLC's rules
 * for an OCLC partner); what is missing is said next to its field, and the form keeps what was typed.
 */
@Controller
public class NewRequestPage {

    private final OutboundService outbound;
    private final ProfileRegistry profiles;

    public NewRequestPage(OutboundService outbound, ProfileRegistry profiles) {
        this.outbound = outbound;
        this.profiles = profiles;
    }

    @GetMapping("/requests/new")
    String form(Model model) {
        return show(model, Map.of("service-type", "loan"), Map.of(), null);
    }

    @PostMapping("/requests")
    String place(@RequestParam Map<String, String> form, Principal user, Model model) {
        Map<String, String> problems = new LinkedHashMap<>();
        NewRequest request;
        try {
            request = toRequest(form);
        } catch (IllegalArgumentException e) {
            problems.put(e.getMessage().startsWith("expiry-date") ? "expiry-date" : "need-before", e.getMessage());
            return show(model, form, problems, null);
        }
        try {
            OutboundService.Queued queued = outbound.place(request, user.getName());
            return "redirect:/requests/" + queued.request().id();
        } catch (ActionRefusedException e) {
            for (OutboundRules.FieldProblem problem : e.refused().fields()) {
                problems.merge(problem.field(), "Needed: " + problem.problem() + ".", (a, b) -> a + " " + b);
            }
            return show(model, form, problems, e.getMessage());
        } catch (IllegalArgumentException e) {
            return show(model, form, problems, e.getMessage());
        }
    }

    private String show(Model model, Map<String, String> form, Map<String, String> problems, String refusal) {
        List<SiteProfile> sites = profiles.current().sites();
        model.addAttribute("sites", sites);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("refusal", refusal);
        return "new-request";
    }

    private static NewRequest toRequest(Map<String, String> form) {
        NewRequest.Address shipTo = text(form, "ship-to-name") == null && text(form, "ship-to-street") == null
                && text(form, "ship-to-city") == null ? null
                : new NewRequest.Address(text(form, "ship-to-name"), text(form, "ship-to-street"), text(form, "ship-to-city"),
                        text(form, "ship-to-region"), text(form, "ship-to-postal-code"), text(form, "ship-to-country"));
        NewRequest.Cost cost = text(form, "maximum-cost") == null ? null
                : new NewRequest.Cost(text(form, "currency"), text(form, "maximum-cost"));
        return new NewRequest(text(form, "symbol"), text(form, "responder"), null, text(form, "service-type"),
                text(form, "title"), text(form, "author"), text(form, "verification"), text(form, "level-of-service"),
                IsoDates.format(IsoDates.parse("need-before", text(form, "need-before"))),
                IsoDates.format(IsoDates.parse("expiry-date", text(form, "expiry-date"))), shipTo, cost, text(form, "note"));
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
