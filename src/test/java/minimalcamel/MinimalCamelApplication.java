package minimalcamel;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The baseline of the start benchmark (org.illbridge.bench.StartBenchmark): a minimal Spring Boot +
 * Camel application with one Netty TCP route, run on only the jars that needs (tools/bench/start
 * picks them from the service's classpath) — and once more on all the service's jars and its
 * configuration, to show what those cost without the service's code. Outside org.illbridge, so that
 * the service's component scan never finds it.
 */
@SpringBootApplication
public class MinimalCamelApplication {

    public static void main(String[] args) {
        SpringApplication.run(MinimalCamelApplication.class, args);
    }

    @Bean
    RouteBuilder tcpListener(@Value("${listen.port}") int port) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("netty:tcp://127.0.0.1:" + port + "?sync=false").routeId("listener").log("${body}");
            }
        };
    }
}
