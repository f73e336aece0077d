package org.illbridge.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, real databases for tests: an H2 file under target/, or a new database on one embedded
 * PostgreSQL server started once per test JVM.
 */
public final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A JDBC URL for a new, empty H2 database kept in a file, as the service runs by default. */
    public static String newH2Url() {
        return "jdbc:h2:file:./target/h2/test-" + UUID.randomUUID();
    }

    /** The same, in a file under {@code directory} named absolutely (for a service with a working directory of its own). */
    public static String newH2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("h2").resolve("test-" + UUID.randomUUID());
    }

    /** A JDBC URL for a new, empty database on the embedded PostgreSQL server. */
    public static synchronized String newPostgresUrl() {
        String name = "illbridge_test_" + NEXT.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    public static String postgresUser() {
        return "postgres";
    }

    /** A migrated data source for {@code url}, as Flyway leaves it when the service starts. */
    public static DataSource migrated(String url) {
        DataSource dataSource = url.startsWith("jdbc:postgresql:")
                ? new DriverManagerDataSource(url, postgresUser(), "")
                : new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopServer));
        }
        return postgres;
    }

    private static void stopServer() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is under target/
        }
    }
}
