package org.illbridge.e2e;

import org.illbridge.support.InboxApi;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole service, started as it runs (Netty listener, Camel routes from routes/, REST, a real
 * database), for end-to-end tests that talk to it over real sockets and HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class RunningService {

    @LocalServerPort
    int httpPort;

    @Value("${illbridge.listen.port}")
    int listenPort;

    @Autowired
    JdbcTemplate jdbc;

    InboxApi api;

    @BeforeEach
    void connectApi() {
        api = new InboxApi(httpPort);
    }

    /** Empties the tables, newest-dependent first, so each test starts from nothing. */
    void emptyTables(String... tables) {
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
