package org.illbridge.store;

import javax.sql.DataSource;
import org.illbridge.support.TestDatabases;

class ConcurrentInstancesPostgresTest extends ConcurrentInstancesContract {

    @Override
    DataSource newDatabase() {
        return TestDatabases.migrated(TestDatabases.newPostgresUrl());
    }

    @Override
    boolean sharedByInstances() {
        return true;
    }
}
