package org.illbridge.web;

import java.util.List;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.SiteProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ISO ILL profiles of the sites served, as configured in config/application.yaml (illbridge.profiles). */
@RestController
@RequestMapping("/api/profiles")
public class ProfilesController {

    private final ProfileRegistry profiles;

    public ProfilesController(ProfileRegistry profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    public List<SiteProfile> list() {
        return profiles.current().sites();
    }

    /** Reads the profile file again (after an operator fixed a profile); returns the profiles now in force. */
    @PostMapping("/reload")
    public List<SiteProfile> reload() {
        return profiles.reload().sites();
    }

    @GetMapping("/{symbol}")
    public SiteProfile profile(@PathVariable String symbol) {
        return profiles.current().site(symbol).orElseThrow(() -> new NotFoundException("no profile for symbol " + symbol));
    }
}
