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
        Path missing = Path.of(cause.getFile()).toAbsolutePath().normalize();
        return new FailureAnalysis("illbridge looked for " + missing + " and found nothing: it reads config/ and routes/ from"
                + " its home directory, which is the directory it is started in (" + Path.of("").toAbsolutePath() + ") unless"
                + " --illbridge.home or ILLBRIDGE_HOME names another.",
                "Start it from the directory that holds config/ and routes/ (the repository's root, or your installation),"
                        + " or name that directory with --illbridge.home=DIR (or the environment variable ILLBRIDGE_HOME).",
                cause);
    }
}
