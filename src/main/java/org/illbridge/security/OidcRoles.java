package org.illbridge.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The roles of someone who logged in through the library's identity provider: read from a claim
 * of their ID token (a list, or words separated by spaces or commas) naming staff, operator or
 * viewer. Anything else in the claim is ignored; with none of the three, they can see nothing.
 */
final class OidcRoles implements GrantedAuthoritiesMapper {

    private final String claim;

    OidcRoles(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> roles = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                for (String name : names(oidc.getIdToken().getClaim(claim))) {
                    for (StaffRole role : StaffRole.values()) {
                        if (role.code().equalsIgnoreCase(name)) {
                            roles.add(role.authority());
                        }
                    }
                }
            }
        }
        return roles;
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(one -> names.add(String.valueOf(one).strip()));
        } else if (value instanceof String words) {
            names.addAll(List.of(words.split("[\\s,]+")));
        }
        return names;
    }
}
