package org.illbridge.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A library symbol we serve and its ISO ILL profile at OCLC.
 *
 * @param symbol our symbol, e.g. the OCLC symbol the profile was installed for
 * @param profileInstalled when OCLC installed the ISO ILL profile, in the site's local time: requests
 *     created before it stay with OCLC, newer ones are worked here
 * @param listeners our listener address(es) as profiled at OCLC, {@code host:port}
 * @param illFeeManagement whether the site uses OCLC ILL Fee Management
 * @param directRequest whether the site uses OCLC ILL Direct Request
 * @param unknownRequesters what to do with requests from requesters the site does not know
 * @param knownRequesters symbols of requesters the site knows besides its peers
 * @param peers the partners the site exchanges APDUs with
 * @param transformBibliographicConditionals whether a Conditional answer about wrong or incomplete
 *     bibliographic data is turned into Not Supplied, not-found-as-cited (else it is refused)
 * @param previousListener during a change of our server address, the old address: it keeps listening,
 *     because OCLC sends to both until all current requests are updated
 * @param previousListenerUntil the end of the period OCLC gave for sending to both (local time)
 */
public record SiteProfile(String symbol,
                          @JsonProperty("profile-installed") LocalDateTime profileInstalled,
                          List<String> listeners,
                          @JsonProperty("ill-fee-management") boolean illFeeManagement,
                          @JsonProperty("direct-request") boolean directRequest,
                          @JsonProperty("unknown-requesters") UnknownRequesterPolicy unknownRequesters,
                          @JsonProperty("known-requesters") List<String> knownRequesters,
                          List<Peer> peers,
                          @JsonProperty("transform-bibliographic-conditionals") boolean transformBibliographicConditionals,
                          @JsonProperty("previous-listener") String previousListener,
                          @JsonProperty("previous-listener-until") LocalDateTime previousListenerUntil) {

    public SiteProfile {
        Objects.requireNonNull(symbol, "every profile needs a symbol");
        Objects.requireNonNull(profileInstalled, "profile " + symbol + " needs profile-installed");
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        unknownRequesters = unknownRequesters == null ? UnknownRequesterPolicy.QUEUE : unknownRequesters;
        knownRequesters = knownRequesters == null ? List.of() : List.copyOf(knownRequesters);
        peers = peers == null ? List.of() : List.copyOf(peers);
        for (String listener : listeners) {
            Peer.requireHostAndPort("profile " + symbol, "listeners", listener);
        }
        Peer.requireHostAndPort("profile " + symbol, "previous-listener", previousListener);
    }

    /** Whether a transaction begun at {@code created} (the sender's local time) belongs to OCLC. */
    public boolean predatesProfile(LocalDateTime created) {
        return created.isBefore(profileInstalled);
    }

    public boolean knowsRequester(String requesterSymbol) {
        return requesterSymbol != null
                && (knownRequesters.contains(requesterSymbol) || peer(requesterSymbol).isPresent());
    }

    /** The same profile, knowing one more requester (one staff accepted and chose to remember). */
    public SiteProfile withKnownRequester(String requesterSymbol) {
        List<String> known = new ArrayList<>(knownRequesters);
        known.add(requesterSymbol);
        return new SiteProfile(symbol, profileInstalled, listeners, illFeeManagement, directRequest, unknownRequesters, known,
                peers, transformBibliographicConditionals, previousListener, previousListenerUntil);
    }

    /** The address we give partners in APDU-Delivery-Info: the first listener, or null when none is profiled. */
    public String ourAddress() {
        return listeners.isEmpty() ? null : listeners.get(0);
    }

    /** Every address we listen on for this site: its listeners, and the previous one during a change. */
    public List<String> listenerAddresses() {
        List<String> all = new ArrayList<>(listeners);
        if (previousListener != null && !all.contains(previousListener)) {
            all.add(previousListener);
        }
        return all;
    }

    public Optional<Peer> peer(String peerSymbol) {
        return peers.stream().filter(p -> p.symbol().equals(peerSymbol)).findFirst();
    }

    /** The peer whose profiled host is {@code host}, when one is. */
    public Optional<Peer> peerAtHost(String host) {
        return peers.stream().filter(p -> host != null && host.equals(p.host())).findFirst();
    }
}
