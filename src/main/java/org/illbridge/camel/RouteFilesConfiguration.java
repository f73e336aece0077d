package org.illbridge.camel;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the watch on the operators' route files: checked edits, one reload per save. */
@Configuration(proxyBeanMethods = false)
public class RouteFilesConfiguration {

    /** The directory must be there: without its policy route the service would keep APDUs and never work them. */
    @Bean
    RouteFiles routeFiles(CamelContext camel, @Value("${illbridge.routes.directory:routes}") Path directory,
                          @Value("${illbridge.routes.pattern:*.yaml}") String pattern, Clock clock) throws NoSuchFileException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString());
        }
        return new RouteFiles(camel, directory, pattern, clock);
    }

    @Bean
    AfterCamelStarts routeFilesStarted(RouteFiles routeFiles) {
        return new AfterCamelStarts(camel -> routeFiles.started());
    }

    @Bean
    RouteBuilder routeFilesWatchRoute(RouteFiles routeFiles,
                                      @Value("${illbridge.routes.check-interval:1s}") Duration interval) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:route-files?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                        .routeId("route-files-watch")
                        .process(exchange -> routeFiles.check()).id("reload-changed-route-files");
            }
        };
    }
}
