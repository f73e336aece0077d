package org.illbridge.config;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database file is locked by another process — most often a second illbridge
 * started from the same directory: say so, instead of 170 lines of stack trace.
 */
public class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<RuntimeException> {

    private final Environment environment;

    public DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuntimeException cause) {
        for (Throwable t = rootFailure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t.getClass().getName().startsWith("org.h2.") && message.contains("file is locked")) {
                String url = environment.getProperty("spring.datasource.url", "");
                return new FailureAnalysis("The database " + url + " (spring.datasource.url) is in use by another process: an"
                        + " embedded H2 database serves one illbridge at a time.",
                        "Stop the other illbridge started from this directory, or give this one its own database"
                                + " (--spring.datasource.url=...; several instances share a PostgreSQL database).", t);
            }
        }
        return null;
    }
}
