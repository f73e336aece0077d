package org.illbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.illbridge.support.InboxApi;
import org.junit.jupiter.api.Test;

/** The jar as an operator starts it by hand: help that starts nothing, and a taken port said in one sentence. */
class StartingLikeAToolIT {

    private static final Path JAR = Path.of("target", "illbridge.jar").toAbsolutePath();

    private record Run(int exit, String output) {
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "it", "help-" + UUID.randomUUID()));

        Run help = run(home, "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("usage: java -jar illbridge.jar COMMAND", "--illbridge.listen.port=1611")
                .doesNotContain("Started");
        assertThat(home.resolve("data")).as("no database created").doesNotExist();
    }

    @Test
    void startedWhereThereIsNoHomeItSaysWhereItLooked() throws Exception {
        Path elsewhere = Files.createDirectories(Path.of("target", "it", "elsewhere-" + UUID.randomUUID()));

        Run started = run(elsewhere, "--server.port=0", "--illbridge.listen.port=0", "--spring.datasource.url=jdbc:h2:mem:elsewhere");

        assertThat(started.exit()).isNotZero();
        assertThat(started.output()).contains("illbridge looked for " + elsewhere.toAbsolutePath().resolve("routes")
                + " and found nothing");
    }

    @Test
    void aHomeDirectoryNamedOnTheCommandLineIsWhereConfigRoutesAndDataAre() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "it", "home-" + UUID.randomUUID()).toAbsolutePath());
        Files.createDirectories(home.resolve("routes"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(Path.of("routes", "inbound-apdu.camel.yaml"), home.resolve("routes").resolve("inbound-apdu.camel.yaml"));
        Files.writeString(home.resolve("config").resolve("application.yaml"), """
                illbridge:
                  profiles:
                    - symbol: HOM
                      profile-installed: 2026-01-01T00:00:00
                """);
        Path elsewhere = Files.createDirectories(Path.of("target", "it", "cwd-" + UUID.randomUUID()));
        try (ServerSocket port = new ServerSocket(0)) {
            int httpPort = port.getLocalPort();
            port.close();
            Process service = start(elsewhere, "--illbridge.home=" + home, "--server.port=" + httpPort,
                    "--illbridge.listen.port=0");
            try {
                Path password = home.resolve("data").resolve("initial-admin-password");
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(password));
                InboxApi api = InboxApi.withPassword(httpPort, "admin", Files.readString(password).strip());
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> api.json("/api/profiles").size() == 1);
                assertThat(api.json("/api/profiles").get(0).get("symbol").asString()).isEqualTo("HOM");
                assertThat(home.resolve("data").resolve("illbridge.mv.db")).exists();
                assertThat(elsewhere.resolve("data")).doesNotExist();
            } finally {
                service.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void withNoUsersThePageIsNotOpenedBeyondThisMachine() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "it", "open-" + UUID.randomUUID()).resolve("routes")).getParent();

        Run started = run(home, "--server.address=0.0.0.0", "--server.port=0", "--illbridge.listen.port=0",
                "--spring.datasource.url=jdbc:h2:mem:open-test");

        assertThat(started.exit()).isNotZero();
        assertThat(started.output()).contains("server.address is 0.0.0.0, beyond this machine, and no users are configured");
    }

    @Test
    void anIsoIllPortInUseIsOneSentenceNamingThePortAndItsSetting() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "it", "port-" + UUID.randomUUID()).resolve("routes")).getParent();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Run started = run(home, "--illbridge.listen.host=127.0.0.1", "--illbridge.listen.port=" + taken.getLocalPort(),
                    "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:port-test");

            assertThat(started.exit()).isNotZero();
            assertThat(started.output()).contains("The ISO ILL listener cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (illbridge.listen.host, illbridge.listen.port): Address already in use.");
        }
    }

    private static Process start(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.log").toFile()).start();
    }

    private static Run run(Path home, String... arguments) throws IOException, InterruptedException {
        Path log = home.resolve("output.log");
        Process process = start(home, arguments);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 90 s; see " + log);
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
