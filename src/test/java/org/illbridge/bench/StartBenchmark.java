package org.illbridge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.illbridge.support.FreePort;

/**
 * Start time, paired: the service (ready = its ISO ILL port accepts and /actuator/health answers
 * 200) beside a minimal Spring Boot + Camel application with one Netty route (ready = its port
 * accepts), and that same minimal application on the service's classpath and configuration (ready
 * as the service is) — what the service's dependencies and settings cost without any of its own
 * code. Each started as a new JVM, one warm-up each, then ROUNDS alternately. Arguments: the
 * service's classpath and the minimal one. Run by tools/bench/start; not a test.
 */
public final class StartBenchmark {

    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        String serviceClasspath = args[0];
        String minimalClasspath = args[1];
        List<String> serviceArgs = List.of(args).subList(2, args.length);
        List<Double> service = new ArrayList<>();
        List<Double> minimal = new ArrayList<>();
        List<Double> stack = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            double s = startService(List.of("-cp", serviceClasspath, "org.illbridge.IllbridgeApplication"), serviceArgs);
            double m = startMinimal(minimalClasspath);
            double k = startMinimalOnServiceStack(serviceClasspath);
            if (round > 0) { // round 0 warms the file cache
                service.add(s);
                minimal.add(m);
                stack.add(k);
            }
        }
        System.out.printf("service_ready_ms %s%nminimal_ready_ms %s%nminimal_on_service_stack_ready_ms %s%n",
                BenchDatabase.summary(service), BenchDatabase.summary(minimal), BenchDatabase.summary(stack));
    }

    /**
     * The service, started by {@code java} with {@code launch} (JVM options and what to run), in a
     * home of its own with the shipped routes (and any further arguments).
     */
    static double startService(List<String> launch, List<String> more) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "start-").toAbsolutePath();
        Files.createDirectories(home.resolve("routes"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, home.resolve("routes").resolve(route.getFileName()));
            }
        }
        int port = FreePort.find();
        int http = FreePort.find();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(launch);
        command.addAll(List.of("--illbridge.home=" + home, "--illbridge.listen.host=127.0.0.1", "--illbridge.listen.port=" + port,
                "--server.port=" + http, "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db").toAbsolutePath(),
                "--illbridge.inbox.spool-directory=" + home.resolve("spool")));
        command.addAll(more);
        return timeToReady(command, port, http);
    }

    /**
     * The minimal application with the service's jars and application.yaml (so its web, security,
     * actuator, JMX, Flyway migrations on a new H2 database...), but an empty routes/ and none of
     * the service's beans: its package is outside the service's component scan.
     */
    private static double startMinimalOnServiceStack(String serviceClasspath) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "start-stack-").toAbsolutePath();
        Files.createDirectories(home.resolve("routes"));
        int port = FreePort.find();
        int http = FreePort.find();
        return timeToReady(List.of("java", "-cp", "target/test-classes:" + serviceClasspath,
                "minimalcamel.MinimalCamelApplication", "--listen.port=" + port, "--illbridge.home=" + home,
                "--server.port=" + http, "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db")), port, http);
    }

    static double startMinimal(String classpath) throws Exception {
        int port = FreePort.find();
        return timeToReady(List.of("java", "-cp", classpath, "minimalcamel.MinimalCamelApplication",
                "--listen.port=" + port), port, 0);
    }

    /** Milliseconds from starting the JVM until the port accepts (and, with an HTTP port, health is 200). */
    private static double timeToReady(List<String> command, int port, int httpPort) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!accepts(port) || (httpPort != 0 && !healthy(httpPort))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(command + " ended with " + process.exitValue());
                }
                Thread.sleep(20);
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean healthy(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
