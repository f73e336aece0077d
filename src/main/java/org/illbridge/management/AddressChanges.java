package org.illbridge.management;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.illbridge.camel.ListenerRoutes;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.Peer;
import org.illbridge.profile.SiteProfile;
import org.illbridge.store.ListenerActivity;

/**
 * The address-change report: for each site, its listeners (listening or not), which of them the
 * open transactions last heard from, and whether the previous address can be retired — no open
 * transaction whose latest APDU reached us only there, and the period OCLC gave for sending to
 * both has passed. Beside
 * it, the peers whose address is changing and whether their old one still gets our APDUs.
 */
public final class AddressChanges {

    /** How many of the transactions still heard on an old address the report names. */
    private static final int NAMED = 20;

    public record Report(Instant at, List<Site> sites) {
    }

    public record Site(String symbol, List<Listener> listeners, Retirement previous,
                       @JsonProperty("peers-changing-address") List<PeerChange> peersChangingAddress) {
    }

    /**
     * @param address as the profile names it
     * @param use "current", "previous", or "configured" (illbridge.listen, named by no profile)
     * @param servedBy the listener that takes what is sent to it (the one recorded against each APDU)
     */
    public record Listener(String address, String use, boolean listening, String problem,
                           @JsonProperty("served-by") String servedBy,
                           @JsonProperty("open-transactions-last-heard-here") long openTransactions,
                           @JsonProperty("open-transactions-last-heard-only-here") long onlyHere,
                           @JsonProperty("last-heard-at") Instant lastHeardAt) {
    }

    public record Retirement(String address, @JsonProperty("sending-to-both-until") LocalDateTime until,
                             @JsonProperty("period-passed") boolean periodPassed,
                             @JsonProperty("open-transactions-last-heard-only-there") long openTransactions,
                             @JsonProperty("can-retire") boolean canRetire, String verdict,
                             List<ListenerActivity.OpenTransaction> transactions) {
    }

    public record PeerChange(String symbol, String address, @JsonProperty("previous-address") String previousAddress,
                             @JsonProperty("previous-address-valid-until") LocalDateTime validUntil,
                             @JsonProperty("still-sent-to") boolean stillSentTo, String verdict) {
    }

    private final ProfileRegistry profiles;
    private final ListenerRoutes listeners;
    private final ListenerActivity activity;
    private final Clock clock;

    public AddressChanges(ProfileRegistry profiles, ListenerRoutes listeners, ListenerActivity activity, Clock clock) {
        this.profiles = profiles;
        this.listeners = listeners;
        this.activity = activity;
        this.clock = clock;
    }

    public Report report() {
        List<ListenerActivity.Heard> heard = activity.heard();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Site> sites = new ArrayList<>();
        for (SiteProfile site : profiles.current().sites()) {
            List<Listener> rows = new ArrayList<>();
            for (String address : site.listenerAddresses()) {
                rows.add(listener(site, address, address.equals(site.previousListener()) ? "previous" : "current", heard));
            }
            sites.add(new Site(site.symbol(), rows, retirement(site, rows, now), peerChanges(site, now)));
        }
        return new Report(clock.instant(), sites);
    }

    /** The report as lines of text, for a JMX console. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Site site : report().sites()) {
            for (Listener l : site.listeners()) {
                lines.add(site.symbol() + " " + l.use() + " " + l.address() + ": " + (l.listening() ? "listening" : "NOT listening ("
                        + l.problem() + ")") + ", " + l.openTransactions() + " open transaction(s) last heard here, "
                        + l.onlyHere() + " only here");
            }
            if (site.previous() != null) {
                lines.add(site.symbol() + " " + site.previous().verdict());
            }
            site.peersChangingAddress().forEach(p -> lines.add(site.symbol() + " peer " + p.symbol() + ": " + p.verdict()));
        }
        return lines;
    }

    private Listener listener(SiteProfile site, String address, String use, List<ListenerActivity.Heard> heard) {
        Optional<ListenerRoutes.Listener> serving;
        try {
            serving = listeners.serving(address);
        } catch (IllegalArgumentException badAddress) {
            return new Listener(address, use, false, badAddress.getMessage(), null, 0, 0, null);
        }
        String servedBy = serving.map(l -> l.address().name()).orElse(null);
        long open = 0;
        long onlyHere = 0;
        Instant last = null;
        for (ListenerActivity.Heard h : heard) {
            if (h.site().equals(site.symbol()) && h.listener().equals(servedBy)) {
                open += h.openTransactions();
                onlyHere += h.onlyHere();
                last = h.lastHeardAt();
            }
        }
        boolean listening = serving.map(ListenerRoutes.Listener::listening).orElse(false);
        String problem = serving.map(ListenerRoutes.Listener::problem).orElse("no listener (reload the profiles)");
        return new Listener(address, use, listening, listening ? null : problem, servedBy, open, onlyHere, last);
    }

    private Retirement retirement(SiteProfile site, List<Listener> rows, LocalDateTime now) {
        String old = site.previousListener();
        if (old == null) {
            return null;
        }
        Listener previous = rows.stream().filter(r -> r.address().equals(old)).findFirst().orElseThrow();
        boolean shared = previous.servedBy() != null && rows.stream()
                .anyMatch(r -> r != previous && previous.servedBy().equals(r.servedBy()));
        LocalDateTime until = site.previousListenerUntil();
        boolean passed = until != null && !now.isBefore(until);
        long open = previous.onlyHere();
        boolean canRetire = passed && open == 0 && !shared;
        String verdict;
        if (shared) {
            verdict = "Keep " + old + ": one listener takes both it and the new address, so what was heard on each cannot be"
                    + " told apart (give the new address a port or host of its own).";
        } else if (canRetire) {
            verdict = old + " can be retired: no open transaction was last heard only there, and sending to both ended " + until + ".";
        } else if (open > 0) {
            verdict = "Keep " + old + ": " + open + " open transaction(s) were last heard only there; each counts no more once"
                    + " its partner writes to the new address" + (until == null ? "." : ", and sending to both runs until "
                    + until + (passed ? " (passed)." : "."));
        } else if (until == null) {
            verdict = "Keep " + old + " until OCLC stops sending to both: no end is set (previous-listener-until).";
        } else {
            verdict = "Keep " + old + " until " + until + ", when OCLC's period of sending to both ends; no open transaction"
                    + " was last heard only there.";
        }
        List<ListenerActivity.OpenTransaction> named = open > 0 && previous.servedBy() != null
                ? activity.heardOnlyOn(site.symbol(), previous.servedBy(), NAMED) : List.of();
        return new Retirement(old, until, passed, open, canRetire, verdict, named);
    }

    private static List<PeerChange> peerChanges(SiteProfile site, LocalDateTime now) {
        List<PeerChange> changes = new ArrayList<>();
        for (Peer peer : site.peers()) {
            if (peer.previousAddress() == null) {
                continue;
            }
            boolean sent = peer.addressesAt(now).contains(peer.previousAddress());
            String verdict = sent
                    ? "our APDUs go to " + peer.address() + " and to the previous " + peer.previousAddress() + " until "
                    + peer.previousAddressValidUntil() + "."
                    : "our APDUs go to " + peer.address() + " only; the previous " + peer.previousAddress()
                    + (peer.previousAddressValidUntil() == null ? " has no valid-until, so it gets nothing." : " ended "
                    + peer.previousAddressValidUntil() + " and can be removed from the profile.");
            changes.add(new PeerChange(peer.symbol(), peer.address(), peer.previousAddress(), peer.previousAddressValidUntil(),
                    sent, verdict));
        }
        return changes;
    }
}
