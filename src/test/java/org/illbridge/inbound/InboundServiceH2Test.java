package org.illbridge.inbound;

import org.illbridge.support.TestDatabases;

class InboundServiceH2Test extends InboundServiceContract {

    @Override
    String newDatabaseUrl() {
        return TestDatabases.newH2Url();
    }
}
