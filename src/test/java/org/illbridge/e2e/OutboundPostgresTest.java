package org.illbridge.e2e;

import org.illbridge.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutboundPostgresTest extends OutboundContract {

    private static final String DATABASE = TestDatabases.newPostgresUrl();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DATABASE);
    }
}
