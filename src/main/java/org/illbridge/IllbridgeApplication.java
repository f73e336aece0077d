package org.illbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The illbridge service: an ISO ILL (ISO 10161) gateway built on Apache Camel. */
@SpringBootApplication
public class IllbridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IllbridgeApplication.class, args);
    }
}
