package org.illbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** Roles of people who log in through the library's identity provider come from a claim of their ID token. */
class OidcRolesTest {

    private final OidcRoles roles = new OidcRoles("illbridge-roles");

    @Test
    void aListClaimNamesTheRolesAndAnythingElseIsIgnored() {
        assertThat(names(roles.mapAuthorities(List.of(person(List.of("staff", "Operator", "librarian"))))))
                .containsExactlyInAnyOrder("ROLE_STAFF", "ROLE_OPERATOR");
    }

    @Test
    void wordsInAStringClaimWorkToo() {
        assertThat(names(roles.mapAuthorities(List.of(person("viewer, staff"))))).containsExactlyInAnyOrder("ROLE_VIEWER",
                "ROLE_STAFF");
    }

    @Test
    void withoutTheClaimSomeoneHasNoRoleAndSeesNothing() {
        assertThat(roles.mapAuthorities(List.of(new OidcUserAuthority(token(Map.of("name", "Ann")))))).isEmpty();
    }

    private static OidcUserAuthority person(Object claim) {
        return new OidcUserAuthority(token(Map.of("illbridge-roles", claim)));
    }

    private static OidcIdToken token(Map<String, Object> claims) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("token").subject("ann").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(token::claim);
        return token.build();
    }

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
