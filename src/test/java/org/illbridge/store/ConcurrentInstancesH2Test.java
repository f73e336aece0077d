package org.illbridge.store;

import javax.sql.DataSource;
import org.illbridge.support.TestDatabases;

class ConcurrentInstancesH2Test extends ConcurrentInstancesContract {

    @Override
    DataSource newDatabase() {
        return TestDatabases.migrated(TestDatabases.newH2Url());
    }

    @Override
    boolean sharedByInstances() {
        return false;
    }
}
