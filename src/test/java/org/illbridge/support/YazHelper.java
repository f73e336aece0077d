package org.illbridge.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The YAZ helper (tools/yaz/yaz-ill), built here when libyaz-dev is installed. Tests that need it
 * are skipped where YAZ is absent, except under CI (CI=true), where its absence is a failure:
 * .ci/run installs libyaz-dev so that both directions are verified on every submission.
 */
public final class YazHelper {

    private static final Path SOURCE = Path.of("tools/yaz");
    private static final Path BINARY = SOURCE.resolve("yaz-ill");
    private static Boolean available;

    private YazHelper() {
    }

    /** Skips the calling test unless the helper can be had (fails instead under CI). */
    public static void require() {
        boolean present = available();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must verify against YAZ, but tools/yaz/yaz-ill could not be built: "
                    + "is libyaz-dev installed?");
        }
        assumeTrue(present, "YAZ (libyaz-dev) is not installed here");
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = Files.isExecutable(BINARY) || build();
        }
        return available;
    }

    /** Runs the helper and returns what it printed; fails on a non-zero exit unless allowed. */
    public static Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(arguments));
        return exec(command);
    }

    public record Result(int exitCode, String output) {
    }

    /** The helper as an ISO ILL partner named {@code symbol} on 127.0.0.1:{@code port}, running until destroyed. */
    public static Process serve(int port, String symbol) {
        try {
            Process partner = new ProcessBuilder(BINARY.toString(), "serve", String.valueOf(port), symbol)
                    .redirectErrorStream(true).start();
            String first = new BufferedReader(new InputStreamReader(partner.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            if (first == null || !first.startsWith("listening on")) {
                partner.destroyForcibly();
                throw new AssertionError("yaz-ill serve did not start: " + first);
            }
            return partner;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean build() {
        try {
            Result make = exec(List.of("make", "-s", "-C", SOURCE.toString()));
            return make.exitCode() == 0 && Files.isExecutable(BINARY);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static Result exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
