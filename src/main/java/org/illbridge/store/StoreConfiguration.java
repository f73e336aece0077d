package org.illbridge.store;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stores, on the one DataSource Spring Boot configures (H2 by default, PostgreSQL in production). */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    InboxStore inboxStore(JdbcTemplate jdbc) {
        CommitDurability.apply(jdbc);
        return new InboxStore(jdbc);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
