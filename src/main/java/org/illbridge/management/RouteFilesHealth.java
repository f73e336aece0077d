package org.illbridge.management;

import org.illbridge.camel.RouteFiles;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN while a route file on disk is not what runs (an edit was refused): the policy in force is not the one an operator sees. */
public final class RouteFilesHealth implements HealthIndicator {

    private final RouteFiles routeFiles;

    public RouteFilesHealth(RouteFiles routeFiles) {
        this.routeFiles = routeFiles;
    }

    @Override
    public Health health() {
        boolean allRunning = routeFiles.files().stream().allMatch(RouteFiles.RouteFile::isRunningWhatIsOnDisk);
        Health.Builder health = allRunning ? Health.up() : Health.down();
        routeFiles.files().forEach(file -> health.withDetail(file.file(), file.lastResult()));
        return health.build();
    }
}
