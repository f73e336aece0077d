package org.illbridge.web.page;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; a failed login says why (a wrong password, or too many tries: wait). */
@Controller
public class LoginPage {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof AuthenticationException e) {
            model.addAttribute("failure", e.getMessage() != null && e.getMessage().startsWith("Too many")
                    ? e.getMessage() : "The user name or password is not right.");
        }
        return "login";
    }
}
