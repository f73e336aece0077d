package org.illbridge.store;

import org.illbridge.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

class InboxStorePostgresTest extends InboxStoreContract {

    @Override
    JdbcTemplate newDatabase() {
        return new JdbcTemplate(TestDatabases.migrated(TestDatabases.newPostgresUrl()));
    }
}
