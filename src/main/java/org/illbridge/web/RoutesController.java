package org.illbridge.web;

import java.util.List;
import org.illbridge.camel.RouteFiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' route files: what is on disk, what runs, and how the last reload went. */
@RestController
public class RoutesController {

    private final RouteFiles routeFiles;

    public RoutesController(RouteFiles routeFiles) {
        this.routeFiles = routeFiles;
    }

    @GetMapping("/api/routes")
    public List<RouteFiles.RouteFile> files() {
        return routeFiles.files();
    }
}
