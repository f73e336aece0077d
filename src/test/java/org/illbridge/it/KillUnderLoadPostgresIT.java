package org.illbridge.it;

import org.illbridge.support.TestDatabases;

class KillUnderLoadPostgresIT extends KillUnderLoadContract {

    @Override
    String newDatabaseUrl() {
        return TestDatabases.newPostgresUrl();
    }
}
