package org.illbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: files in, JSON or BER out, one line per failure. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        return new CommandLine(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private int run(String... args) {
        return run(new byte[0], args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheCommandsAndTheMainSettingsAndIsNoService() {
        for (String help : new String[] {"help", "--help", "-h"}) {
            out.reset();
            assertThat(CommandLine.isCommand(new String[] {help})).as(help + " starts no service").isTrue();
            assertThat(run(help)).isZero();
            assertThat(stdout()).contains("decode [--charset NAME] FILE...", "--illbridge.listen.port=1611",
                    "--spring.datasource.url=");
        }
        assertThat(CommandLine.isCommand(new String[] {"--server.port=8081"})).as("a setting starts the service").isFalse();
    }

    @Test
    void anUnknownCommandGetsTheUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'frobnicate'", "usage: java -jar illbridge.jar COMMAND");
    }

    @Test
    void decodePrintsEachApduAsJson() {
        int status = run("decode", YazVectors.DIRECTORY.resolve("11-ill-answer-unfilled.ber").toString());

        assertThat(status).isZero();
        assertThat(stdout()).contains("\"ILL-Answer\"", "\"reason-unfilled\" : \"not-found-as-cited\"");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void decodeReadsAFileOfApdusBackToBack() throws Exception {
        Path capture = dir.resolve("capture.ber");
        Files.write(capture, concat(YazVectors.read("18-cancel"), YazVectors.read("19-cancel-reply")));

        assertThat(run("decode", capture.toString())).isZero();
        assertThat(stdout()).contains("\"Cancel\"", "\"Cancel-Reply\"");
    }

    @Test
    void decodeReportsEachFailureOnOneLineWithoutAStackTraceAndExitsOne() throws Exception {
        Path bad = dir.resolve("bad.ber");
        byte[] lying = YazVectors.read("01-ill-request-minimal");
        lying[lying.length - 2] = 0x05; // forward-flag, a BOOLEAN, now claims 5 octets
        Files.write(bad, lying);

        int status = run("decode", bad.toString(), dir.resolve("missing.ber").toString(),
                YazVectors.DIRECTORY.resolve("30-message.ber").toString());

        assertThat(status).isEqualTo(1);
        assertThat(stdout()).contains("\"Message\"");
        assertThat(stderr().lines()).containsExactly(
                bad + ": ILL-Request.forward-flag: length 5 exceeds the 1 bytes left at offset " + (lying.length - 3),
                dir.resolve("missing.ber") + ": no such file");
    }

    @Test
    void encodeTurnsTheJsonOfAnApduBackIntoBer() throws Exception {
        assertThat(run("decode", YazVectors.DIRECTORY.resolve("02-ill-request-oclc-complete.ber").toString())).isZero();
        Path json = dir.resolve("request.json");
        Files.writeString(json, stdout());
        Path ber = dir.resolve("request.ber");

        assertThat(run("encode", json.toString(), "-o", ber.toString())).isZero();

        IllCodec codec = new IllCodec();
        assertThat(codec.decode(Files.readAllBytes(ber))).isEqualTo(codec.decode(YazVectors.read("02-ill-request-oclc-complete")));
    }

    @Test
    void encodeNamesTheElementAJsonMistakeIsIn() throws Exception {
        Path json = dir.resolve("typo.json");
        Files.writeString(json, "{\"Message\": {\"protocol-version-num\": \"two\"}}");

        assertThat(run("encode", json.toString())).isEqualTo(1);
        assertThat(stderr().strip()).isEqualTo(json + " (APDU 1): Message.protocol-version-num: expected an integer");
    }

    @Test
    void sendDeliversTheApdusOnOneConnectionAndPrintsWhatComesBack() throws Exception {
        byte[] request = YazVectors.read("01-ill-request-minimal");
        byte[] answer = YazVectors.read("11-ill-answer-unfilled");
        try (ServerSocket peer = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> answerOnce(peer, request.length, answer));
            Path file = dir.resolve("request.ber");
            Files.write(file, request);

            int status = run("send", "127.0.0.1:" + peer.getLocalPort(), file.toString(), "--wait", "5");

            assertThat(status).isZero();
            assertThat(received.get()).isEqualTo(request);
            assertThat(stdout()).contains("\"ILL-Answer\"", "not-found-as-cited");
            assertThat(stderr()).contains("sent 1 APDU(s) to 127.0.0.1:" + peer.getLocalPort());
        }
    }

    @Test
    void anUnknownCommandShowsTheUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'frobnicate'", "usage:");
    }

    @Test
    void hashPasswordPrintsAHashTheLoginAccepts() {
        assertThat(run("correct horse\n".getBytes(StandardCharsets.UTF_8), "hash-password")).isZero();

        String hash = stdout().strip();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse", hash)).isTrue();
    }

    @Test
    void hashPasswordWithNothingOnStandardInputSaysHowToGiveIt() {
        assertThat(run("hash-password")).isEqualTo(1);
        assertThat(stderr()).contains("reads the password from standard input");
    }

    private static byte[] answerOnce(ServerSocket server, int expected, byte[] reply) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            byte[] got = in.readNBytes(expected);
            socket.getOutputStream().write(reply);
            socket.getOutputStream().flush();
            return got;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
