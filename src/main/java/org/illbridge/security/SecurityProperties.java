package org.illbridge.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who can log in ({@code illbridge.security.*}).
 *
 * @param users the people and systems that log in: a name, a password hash ({@code {bcrypt}…}; the
 *              {@code hash-password} command makes one) and their roles
 * @param initialPasswordFile where the password of the first-start {@code admin} user is kept when no
 *              users are configured (loopback only)
 * @param failedLoginsAllowed failed logins for one name from one address before each further attempt waits
 * @param longestLoginWait the longest such wait
 * @param oidcRolesClaim with an identity provider configured (OIDC, under
 *              {@code spring.security.oauth2.client}), the ID token claim that names a person's roles
 */
@ConfigurationProperties("illbridge.security")
public record SecurityProperties(@DefaultValue List<User> users,
                                 @DefaultValue("data/initial-admin-password") String initialPasswordFile,
                                 @DefaultValue("5") int failedLoginsAllowed,
                                 @DefaultValue("5m") Duration longestLoginWait,
                                 @DefaultValue("roles") String oidcRolesClaim) {

    /** One login. */
    public record User(String name, String password, @DefaultValue List<String> roles) {
    }
}
