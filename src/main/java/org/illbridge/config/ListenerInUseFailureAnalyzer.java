package org.illbridge.config;

import java.net.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** An ISO ILL port is taken: say which address and which setting or profile names it, instead of a stack trace. */
public class ListenerInUseFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private final Environment environment;

    public ListenerInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        ListenerInUseException profiled = findCause(rootFailure, ListenerInUseException.class);
        if (profiled != null) {
            return new FailureAnalysis(profiled.getMessage() + ".", "Stop whatever holds port " + profiled.port()
                    + ", or correct " + profiled.namedBy() + " in the profile file.", cause);
        }
        String host = environment.getProperty("illbridge.listen.host", "0.0.0.0");
        String port = environment.getProperty("illbridge.listen.port", "1611");
        return new FailureAnalysis("The ISO ILL listener cannot listen on " + host + ":" + port + " (illbridge.listen.host,"
                + " illbridge.listen.port): " + cause.getMessage() + ".",
                "Stop whatever holds port " + port + " (another illbridge?), or start with --illbridge.listen.port=OTHER.",
                cause);
    }
}
