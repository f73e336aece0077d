package org.illbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.illbridge.legacy.DownloadRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code download}: the message file from a running service, MicroEnhancer style, through its API
 * (so a shared database and the logins work as for the page). The file is written whole or not at
 * all; a summary goes to stderr.
 */
final class DownloadCommand {

    static final String USAGE = """
              download [--queue NAME]... [--role lending|borrowing] [--format csv|jsonl] [--mark-in-process]
                       [-o FILE] [--url URL] [--user NAME] [--password-file FILE]
                                                        the message file from the running service; with
                                                        --mark-in-process, Pending lending requests move to
                                                        In Process in the same step. The password comes from
                                                        ILLBRIDGE_PASSWORD or --password-file""";

    private static final int MARKED = DownloadRow.COLUMNS.indexOf("marked-in-process");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    DownloadCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(List<String> args) throws IOException {
        Options options = Options.parse(args, environment);
        HttpRequest request = HttpRequest.newBuilder(options.uri()).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8)))
                .method(options.mark() ? "POST" : "GET", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            err.println("illbridge: cannot reach " + options.url() + " (is the service running? --url names another)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            err.println("illbridge: the service answered " + response.statusCode() + ": " + detail(body));
            return 1;
        }
        Path part = Files.createTempFile("illbridge-download", ".part");
        try {
            try (InputStream in = response.body()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            int[] counts = count(part, options.format());
            if (options.output() == null) {
                Files.copy(part, (OutputStream) out);
                out.flush();
            } else {
                Files.move(part, Path.of(options.output()), StandardCopyOption.REPLACE_EXISTING);
            }
            err.println(counts[0] + " request(s)" + (options.output() == null ? "" : " in " + options.output())
                    + (options.mark() ? ", " + counts[1] + " marked In Process" : "")
                    + (counts[2] > 0 ? ", " + counts[2] + " in the errors section (managed in OCLC: not changed)" : ""));
            return 0;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Requests, requests marked, errors. */
    private static int[] count(Path file, String format) throws IOException {
        int[] counts = new int[3];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            if ("jsonl".equals(format)) {
                JsonMapper json = JsonMapper.builder().build();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode row = json.readTree(line);
                        tally(counts, row.get("section").asString(), row.get("marked-in-process").asBoolean());
                    }
                }
            } else {
                CsvRecords.read(in, record -> {
                    if (!"section".equals(record.get(0)) && record.size() > MARKED) {
                        tally(counts, record.get(0), "true".equals(record.get(MARKED)));
                    }
                });
            }
        }
        return counts;
    }

    private static void tally(int[] counts, String section, boolean marked) {
        if ("error".equals(section)) {
            counts[2]++;
        } else {
            counts[0]++;
            counts[1] += marked ? 1 : 0;
        }
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JsonMapper.builder().build().readTree(body);
            return problem.has("detail") ? problem.get("detail").asString() : body;
        } catch (RuntimeException notJson) {
            return body.isBlank() ? "(no body)" : body;
        }
    }

    record Options(String url, String user, String password, List<String> queues, String role, String format,
                   boolean mark, String output) {

        static Options parse(List<String> args, Map<String, String> environment) throws IOException {
            String url = environment.getOrDefault("ILLBRIDGE_URL", "http://127.0.0.1:8080");
            String user = environment.get("ILLBRIDGE_USER");
            String password = environment.get("ILLBRIDGE_PASSWORD");
            List<String> queues = new ArrayList<>();
            String role = null;
            String format = null;
            boolean mark = false;
            String output = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--url" -> url = CommandLine.optionValue(args, ++i, arg);
                    case "--user" -> user = CommandLine.optionValue(args, ++i, arg);
                    case "--password-file" -> password = Files.readString(Path.of(CommandLine.optionValue(args, ++i, arg))).strip();
                    case "--queue" -> queues.add(CommandLine.optionValue(args, ++i, arg));
                    case "--role" -> role = CommandLine.optionValue(args, ++i, arg);
                    case "--format" -> format = CommandLine.optionValue(args, ++i, arg);
                    case "--mark-in-process" -> mark = true;
                    case "-o", "--output" -> output = CommandLine.optionValue(args, ++i, arg);
                    default -> throw new IllegalArgumentException("download: unknown option '" + arg + "'");
                }
            }
            if (user == null || password == null) {
                throw new IllegalArgumentException("download needs a login: --user NAME (or ILLBRIDGE_USER) and the password"
                        + " in ILLBRIDGE_PASSWORD or --password-file FILE");
            }
            if (format == null) {
                format = output != null && output.endsWith(".jsonl") ? "jsonl" : "csv";
            }
            if (!List.of("csv", "jsonl").contains(format)) {
                throw new IllegalArgumentException("download: --format is csv or jsonl, not '" + format + "'");
            }
            return new Options(url.replaceAll("/+$", ""), user, password, List.copyOf(queues), role, format, mark, output);
        }

        URI uri() {
            StringBuilder query = new StringBuilder("format=" + format);
            queues.forEach(q -> query.append("&queue=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)));
            if (role != null) {
                query.append("&role=").append(URLEncoder.encode(role, StandardCharsets.UTF_8));
            }
            if (mark) {
                query.append("&mark-in-process=true");
            }
            return URI.create(url + "/api/requests/download?" + query);
        }

    }
}
