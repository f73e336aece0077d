package org.illbridge;

import org.illbridge.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The illbridge service (an ISO ILL gateway built on Apache Camel), or one of its commands. */
@SpringBootApplication
public class IllbridgeApplication {

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            // decode, encode, send: no service, no Spring
            System.exit(new CommandLine(System.in, System.out, System.err).run(args));
        }
        SpringApplication.run(IllbridgeApplication.class, args);
    }
}
