package org.illbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: {@code java -jar target/illbridge.jar} in a home directory
 * of its own (config/, routes/, data/), a separate process that a test can kill with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "illbridge.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int listenPort;
    private final int httpPort;
    private final List<String> arguments;
    private final List<String> jvmOptions = new ArrayList<>();
    private Process process;
    private int starts;

    private ServiceProcess(Path home, int listenPort, int httpPort, List<String> arguments) {
        this.home = home;
        this.listenPort = listenPort;
        this.httpPort = httpPort;
        this.arguments = arguments;
    }

    /**
     * A service in {@code home} on {@code databaseUrl}, with {@code profilesYaml} as its
     * config/application.yaml and the shipped routes; {@code settings} are more {@code --name=value}.
     */
    public static ServiceProcess in(Path home, String databaseUrl, String profilesYaml, String... settings) {
        try {
            Files.createDirectories(home.resolve("config"));
            Files.createDirectories(home.resolve("routes"));
            Files.writeString(home.resolve("config").resolve("application.yaml"), profilesYaml);
            Files.copy(Path.of("routes", "inbound-apdu.camel.yaml"), home.resolve("routes").resolve("inbound-apdu.camel.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int listenPort = FreePort.find();
        int httpPort = FreePort.find();
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + databaseUrl,
                "--illbridge.listen.host=127.0.0.1", "--illbridge.listen.port=" + listenPort, "--server.port=" + httpPort));
        if (databaseUrl.startsWith("jdbc:postgresql:")) {
            arguments.add("--spring.datasource.username=" + TestDatabases.postgresUser());
            arguments.add("--spring.datasource.password=");
        }
        arguments.addAll(TestUsers.arguments());
        arguments.addAll(List.of(settings));
        return new ServiceProcess(home, listenPort, httpPort, arguments);
    }

    /** Options for the JVM ({@code -Dname=value}), before the jar. */
    public ServiceProcess withJvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Starts the process and waits until it accepts HTTP and TCP. */
    public ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        try {
            starts++;
            process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("service-" + starts + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start; see " + home.resolve("service-" + starts + ".log"));
            }
            if (healthy()) {
                return this;
            }
            sleep(200);
        }
        throw new IllegalStateException("the service did not start within 90 s; see " + home.resolve("service-" + starts + ".log"));
    }

    /** SIGKILL: no shutdown hook, no flush, nothing finished. */
    public void kill9() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a graceful stop. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    public long pid() {
        return process.pid();
    }

    public int listenPort() {
        return listenPort;
    }

    public InboxApi api() {
        return new InboxApi(httpPort);
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
