package org.illbridge.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings an end-to-end test starts the service with: a database of its own and a free listener port. */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String databaseUrl, int listenPort) {
        registry.add("spring.datasource.url", () -> databaseUrl);
        if (databaseUrl.startsWith("jdbc:postgresql:")) {
            registry.add("spring.datasource.username", TestDatabases::postgresUser);
            registry.add("spring.datasource.password", () -> "");
        }
        registry.add("illbridge.listen.host", () -> "127.0.0.1");
        registry.add("illbridge.listen.port", () -> listenPort);
        TestUsers.settings((name, value) -> registry.add(name, () -> value));
        registry.add("illbridge.page.counts-refresh", () -> "0s"); // tests compare the page's counts with the API's at once
    }
}
