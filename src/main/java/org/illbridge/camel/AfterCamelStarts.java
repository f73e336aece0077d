package org.illbridge.camel;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/** Something to do once Camel and all its routes have started (they are not all there before). */
public final class AfterCamelStarts implements CamelContextConfiguration {

    private final Consumer<CamelContext> action;

    public AfterCamelStarts(Consumer<CamelContext> action) {
        this.action = action;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // nothing before: the routes are not all there yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        action.accept(camelContext);
    }
}
