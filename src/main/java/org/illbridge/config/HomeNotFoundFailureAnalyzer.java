package org.illbridge.config;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Started from a directory without routes/: say where illbridge looked, instead of a stack trace
 * ending in "NoSuchFileException: routes".
 */
public class HomeNotFoundFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchFileException cause) {
        Path missing = Path.of(cause.getFile()).toAbsolutePath();
        return new FailureAnalysis("illbridge looked for " + missing + " and found nothing: it reads config/ and routes/ from"
                + " the directory it is started in (" + Path.of("").toAbsolutePath() + ").",
                "Start it from the directory that holds config/ and routes/ (the repository's root, or your installation's"
                        + " home), or name the routes' directory with --illbridge.routes.directory=DIR and"
                        + " --camel.main.routes-include-pattern=file:DIR/*.yaml.", cause);
    }
}
