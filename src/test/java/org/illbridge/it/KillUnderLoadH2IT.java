package org.illbridge.it;

import java.nio.file.Path;
import org.illbridge.support.TestDatabases;

class KillUnderLoadH2IT extends KillUnderLoadContract {

    @Override
    String newDatabaseUrl() {
        return TestDatabases.newH2Url(Path.of("target").toAbsolutePath());
    }
}
