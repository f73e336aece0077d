package org.illbridge.security;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A login in front of everything. The API (and actuator, and JMX over HTTP) takes HTTP Basic on
 * every call and keeps no session, so a browser's cookie never acts on it and it needs no CSRF
 * token; the staff page uses a form login, a session and CSRF tokens on every form. Reading needs
 * the viewer role (which staff and operators have); changing requests needs staff; everything else
 * that changes something needs an operator. Health probes stay open for load balancers.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, @Value("${server.address:}") String serverAddress,
                             PasswordEncoder encoder, ObjectProvider<ClientRegistrationRepository> identityProvider) {
        List<UserDetails> users = ConfiguredUsers.of(properties, serverAddress, encoder,
                identityProvider.getIfAvailable() != null);
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                SecurityProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        LoginThrottle throttle = new LoginThrottle(properties.failedLoginsAllowed(), properties.longestLoginWait(),
                Clock.systemUTC());
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(StaffRole.hierarchy());
    }

    /** A path the firewall refuses (an encoded slash, say) gets a problem detail, not an error page. */
    @Bean
    RequestRejectedHandler rejectedRequests() {
        return (request, response, rejected) -> ProblemResponses.write(response, 400, "Bad Request",
                "This path is not one illbridge takes: " + rejected.getMessage());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher("/api/**", "/actuator/**", "/jolokia/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(StaffRole.VIEWER.name())
                        .requestMatchers("/api/requests", "/api/requests/**").hasRole(StaffRole.STAFF.name())
                        .anyRequest().hasRole(StaffRole.OPERATOR.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain page(HttpSecurity http, AuthenticationManager authentication, SecurityProperties properties,
                             ObjectProvider<ClientRegistrationRepository> identityProvider) throws Exception {
        http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/page.css", "/error", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(StaffRole.VIEWER.name())
                        .requestMatchers("/requests/**").hasRole(StaffRole.STAFF.name())
                        .anyRequest().hasRole(StaffRole.OPERATOR.name()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logged-out"));
        if (identityProvider.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/", false)
                    .userInfoEndpoint(info -> info.userAuthoritiesMapper(new OidcRoles(properties.oidcRolesClaim()))));
        }
        return http.build();
    }
}
