package org.illbridge.web;

import org.illbridge.management.AddressChanges;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The address-change report: the listeners of each site, what the open transactions last heard from, what can go. */
@RestController
public class AddressChangesController {

    private final AddressChanges addressChanges;

    public AddressChangesController(AddressChanges addressChanges) {
        this.addressChanges = addressChanges;
    }

    @GetMapping("/api/address-changes")
    public AddressChanges.Report report() {
        return addressChanges.report();
    }
}
