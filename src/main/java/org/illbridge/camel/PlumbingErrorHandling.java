package org.illbridge.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NoErrorHandlerBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Routes have no error handler unless they name one: a failure in a plumbing route travels back
 * to the route that called it, and only the inbound policy routes, which name the
 * {@code dead-letters} route configuration, turn failures into dead letters. A new plumbing route
 * cannot turn an outage into dead letters and error reports to peers by forgetting to opt out.
 */
@Component
public class PlumbingErrorHandling implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getCamelContextExtension().setErrorHandlerFactory(new NoErrorHandlerBuilder());
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }
}
