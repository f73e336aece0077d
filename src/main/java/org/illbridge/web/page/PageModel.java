package org.illbridge.web.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every staff page shows around its content: who is logged in, what they may do, the queue list. */
@ControllerAdvice(basePackageClasses = PageModel.class)
public class PageModel {

    private final Navigation navigation;

    public PageModel(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute
    void around(Authentication user, HttpServletRequest request, Model model) {
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            return;
        }
        model.addAttribute("currentHref", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("user", user.getName());
        model.addAttribute("canAct", has(user, "ROLE_STAFF"));
        model.addAttribute("canOperate", has(user, "ROLE_OPERATOR"));
        model.addAttribute("nav", navigation.queues());
    }

    private static boolean has(Authentication user, String authority) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }
}
