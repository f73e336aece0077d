package org.illbridge.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * An encoded slash ({@code %2F}) in a path reaches the API as it is, instead of Tomcat refusing it
 * with an HTML page: the API then answers with a problem detail like for any other bad path.
 */
@Component
public class EncodedSlashes implements TomcatConnectorCustomizer {

    @Override
    public void customize(Connector connector) {
        connector.setEncodedSolidusHandling("passthrough");
    }
}
