package org.illbridge.inbound;

import org.illbridge.support.TestDatabases;

class InboundServicePostgresTest extends InboundServiceContract {

    @Override
    String newDatabaseUrl() {
        return TestDatabases.newPostgresUrl();
    }
}
