package org.illbridge;

import java.nio.file.Path;
import java.util.Arrays;
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
        SpringApplication.run(IllbridgeApplication.class, withHome(args, System.getenv("ILLBRIDGE_HOME")));
    }

    /**
     * With a home directory named (--illbridge.home=DIR, or ILLBRIDGE_HOME), its config/ is read as
     * the working directory's would be; the paths of routes/ and data/ follow from the setting itself.
     */
    static String[] withHome(String[] args, String environment) {
        String home = Arrays.stream(args).filter(a -> a.startsWith(HOME)).map(a -> a.substring(HOME.length()))
                .reduce((first, last) -> last).orElse(environment);
        if (home == null || home.isBlank()) {
            return args;
        }
        String[] withConfig = Arrays.copyOf(args, args.length + 1);
        withConfig[args.length] = "--spring.config.additional-location=optional:file:" + Path.of(home, "config") + "/";
        return withConfig;
    }

    private static final String HOME = "--illbridge.home=";
}
