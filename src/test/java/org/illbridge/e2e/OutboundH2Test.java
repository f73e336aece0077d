package org.illbridge.e2e;

import org.illbridge.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutboundH2Test extends OutboundContract {

    private static final String DATABASE = TestDatabases.newH2Url();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, DATABASE);
    }
}
