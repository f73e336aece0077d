package org.illbridge.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in a sentence why the service will not open its page beyond loopback with no users. */
public final class NoUsersConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoUsersConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoUsersConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure at least one user with the operator role, or set server.address: 127.0.0.1.", cause);
    }
}
