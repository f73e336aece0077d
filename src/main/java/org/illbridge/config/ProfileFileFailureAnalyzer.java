package org.illbridge.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A profile file that cannot be read as profiles stops the start with its own sentence, not a stack trace. */
public class ProfileFileFailureAnalyzer extends AbstractFailureAnalyzer<ProfileFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProfileFileException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the profile file and start again. While the service runs,"
                + " a corrected file takes effect with POST /api/profiles/reload (or the Profiles MBean's reload).", cause);
    }
}
