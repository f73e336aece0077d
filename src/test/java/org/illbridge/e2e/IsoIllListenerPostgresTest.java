package org.illbridge.e2e;

import org.illbridge.support.FreePort;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on PostgreSQL, as in production. */
class IsoIllListenerPostgresTest extends IsoIllListenerContract {

    private static final String DATABASE = TestDatabases.newPostgresUrl();
    private static final int LISTEN_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, DATABASE, LISTEN_PORT);
    }
}
