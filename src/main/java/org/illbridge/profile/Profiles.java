package org.illbridge.profile;

import java.util.List;
import java.util.Optional;

/** The sites this service serves, by symbol. */
public record Profiles(List<SiteProfile> sites) {

    public Profiles {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    public Optional<SiteProfile> site(String symbol) {
        return sites.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
    }
}
