package org.illbridge.e2e;

import org.illbridge.support.FreePort;
import org.illbridge.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on PostgreSQL, as in production. */
class IsoIllListenerPostgresTest extends IsoIllListenerContract {

    private static final String DATABASE = TestDatabases.newPostgresUrl();
    private static final int LISTEN_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", TestDatabases::postgresUser);
        registry.add("spring.datasource.password", () -> "");
        registry.add("illbridge.listen.host", () -> "127.0.0.1");
        registry.add("illbridge.listen.port", () -> LISTEN_PORT);
    }
}
