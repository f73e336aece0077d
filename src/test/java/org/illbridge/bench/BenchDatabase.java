package org.illbridge.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.illbridge.IllbridgeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database a benchmark runs on, durable either way: an H2 file (the service writes each commit
 * to it, WRITE_DELAY 0), or an embedded PostgreSQL with fsync and synchronous_commit on (the
 * embedded server's own default turns synchronous_commit off, which is no honest ceiling).
 */
record BenchDatabase(String name, String url, String user, EmbeddedPostgres server) implements AutoCloseable {

    boolean isH2() {
        return server == null;
    }


    static BenchDatabase start(String name, Path work) throws IOException {
        if ("postgresql".equals(name)) {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
            return new BenchDatabase(name, server.getJdbcUrl("postgres", "postgres"), "postgres", server);
        }
        return new BenchDatabase("h2", "jdbc:h2:file:" + work.resolve("db").toAbsolutePath(), "sa", null);
    }

    /**
     * The service in this JVM on this database, with the profiles in {@code profiles}, its ISO ILL
     * listener on 127.0.0.1:{@code listenPort}, logging only warnings, and {@code more} settings.
     */
    ConfigurableApplicationContext startService(Path work, Path profiles, int listenPort, String... more) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--illbridge.listen.host=127.0.0.1",
                "--illbridge.listen.port=" + listenPort, "--illbridge.profiles-file=" + profiles,
                "--illbridge.inbox.spool-directory=" + work.resolve("spool"), "--logging.level.root=WARN",
                "--logging.level.inbound-apdu=WARN", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user));
        settings.addAll(List.of(more));
        return new SpringApplication(IllbridgeApplication.class).run(settings.toArray(String[]::new));
    }

    /** Rates of several rounds as "min M median M runs a,b,c". */
    static String summary(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        return String.format("min %.0f median %.0f runs %s", sorted.get(0), sorted.get(sorted.size() / 2),
                String.join(",", rates.stream().map(r -> String.format("%.0f", r)).toList()));
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
