package org.illbridge.web.page;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; a failed login says why (a wrong password, or too many tries: wait). */
@Controller
public class LoginPage {

    /** A way to log in through the library's identity provider. */
    public record Provider(String name, String href) {
    }

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    public LoginPage(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.identityProviders = identityProviders;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        List<Provider> providers = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
            }
        }
        model.addAttribute("providers", providers);
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof AuthenticationException e) {
            model.addAttribute("failure", e.getMessage() != null && e.getMessage().startsWith("Too many")
                    ? e.getMessage() : "The user name or password is not right.");
        }
        return "login";
    }
}
