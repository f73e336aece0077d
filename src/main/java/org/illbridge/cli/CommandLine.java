package org.illbridge.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.illbridge.codec.asn1.DecodeException;
import org.illbridge.codec.asn1.EncodeException;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * The command line on the service's jar, for looking at and making APDUs without starting the
 * service. Every failure is one line on stderr and exit status 1; usage errors exit 2.
 */
public final class CommandLine {

    public static final Set<String> COMMANDS = Set.of("decode", "encode", "send", "hash-password", "download", "conformance", "help");
    private static final Set<String> HELP = Set.of("--help", "-h", "-help");

    private static final String USAGE = """
            usage: java -jar illbridge.jar COMMAND ...
              decode [--charset NAME] FILE...           print each APDU in the files as JSON
              encode [--charset NAME] FILE.json [-o OUT] write the BER bytes of the JSON APDUs
              send HOST:PORT [--wait SECONDS] FILE...   send the APDUs (BER, or .json) on one
                                                        connection; print what comes back as JSON
              hash-password                             read a password from standard input; print the hash
                                                        for illbridge.security.users (a login)
            """ + DownloadCommand.USAGE.indent(2).stripTrailing() + "\n" + ConformanceCommand.USAGE.indent(2).stripTrailing() + """

              help                                      this text
            FILE may be - for standard input. ILL-Strings are read as UTF-8 unless --charset
            names another (e.g. ISO-8859-1).

            Without a command, the service starts, reading config/application.yaml and routes/ from the
            working directory; every setting may be given as --name=value. The main ones:
              --illbridge.listen.host=0.0.0.0 --illbridge.listen.port=1611   the ISO ILL listener
              --server.address=127.0.0.1 --server.port=8080                   the staff page and REST API
              --spring.datasource.url=jdbc:h2:file:./data/illbridge           the database (or jdbc:postgresql://...)
              --illbridge.profiles-file=config/application.yaml               the ISO ILL profiles
              --illbridge.inbox.spool-directory=data/inbox-spool              where frames wait while the database is away
            docs/operations.md lists them all.""";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> environment;
    private final IllCodec codec = new IllCodec();

    public CommandLine(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, System.getenv());
    }

    public CommandLine(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** True when {@code args} ask for a command (or for help) rather than the service. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]));
    }


    /** Runs the command and returns the exit status. */
    public int run(String... args) {
        if (args.length > 0 && HELP.contains(args[0])) {
            out.println(USAGE);
            return 0;
        }
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (args.length > 0 && "download".equals(args[0])) {
            return withUsageOnError(() -> new DownloadCommand(out, err, environment).run(rest));
        }
        if (args.length > 0 && "conformance".equals(args[0])) {
            return withUsageOnError(() -> new ConformanceCommand(out, err, Clock.systemDefaultZone()).run(rest));
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("illbridge: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (arguments.command()) {
                case "decode" -> decode(arguments);
                case "encode" -> encode(arguments);
                case "send" -> send(arguments);
                case "hash-password" -> hashPassword();
                default -> {
                    out.println(USAGE);
                    yield 0;
                }
            };
        } catch (IOException e) {
            err.println("illbridge: " + describe(e));
            return 1;
        }
    }

    /** A command with options of its own: a wrong option is a usage error (2), a failure one line (1). */
    private int withUsageOnError(Command command) {
        try {
            return command.run();
        } catch (IllegalArgumentException e) {
            err.println("illbridge: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("illbridge: " + describe(e));
            return 1;
        }
    }

    private interface Command {
        int run() throws IOException;
    }

    /** A password's hash for the configuration, so that the password itself is written nowhere. */
    private int hashPassword() throws IOException {
        String password = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (password.isEmpty()) {
            err.println("illbridge: hash-password reads the password from standard input, e.g."
                    + " read -rs PW && printf '%s' \"$PW\" | java -jar illbridge.jar hash-password");
            return 1;
        }
        out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        return 0;
    }

    private int decode(Arguments arguments) throws IOException {
        ApduJson view = new ApduJson(arguments.charset());
        boolean allGood = true;
        for (String file : arguments.files()) {
            byte[] bytes;
            try {
                bytes = read(file);
            } catch (IOException e) {
                err.println(file + ": " + describe(e));
                allGood = false;
                continue;
            }
            List<ApduStream.Frame> frames = ApduStream.split(bytes);
            for (int i = 0; i < frames.size(); i++) {
                ApduStream.Frame frame = frames.get(i);
                String where = file + (frames.size() > 1 ? " (APDU " + (i + 1) + " at byte " + frame.offset() + ")" : "");
                if (frame.error() != null) {
                    err.println(where + ": " + frame.error());
                    allGood = false;
                    continue;
                }
                try {
                    out.println(view.toPrettyText(codec.decode(frame.bytes())));
                } catch (DecodeException e) {
                    err.println(where + ": " + e.getMessage());
                    allGood = false;
                }
            }
            if (bytes.length == 0) {
                err.println(file + ": the file is empty");
                allGood = false;
            }
        }
        return allGood ? 0 : 1;
    }

    private int encode(Arguments arguments) throws IOException {
        if (arguments.files().size() != 1) {
            throw new IllegalArgumentException("encode takes one JSON file");
        }
        String file = arguments.files().get(0);
        byte[] encoded;
        try {
            encoded = encodeJson(file, read(file), new ApduJson(arguments.charset()));
        } catch (InvalidInput e) {
            err.println(e.getMessage());
            return 1;
        }
        if (arguments.output() == null) {
            out.write(encoded);
            out.flush();
        } else {
            Files.write(Path.of(arguments.output()), encoded);
        }
        return 0;
    }

    private int send(Arguments arguments) throws IOException {
        if (arguments.target() == null || arguments.files().isEmpty()) {
            throw new IllegalArgumentException("send takes HOST:PORT and at least one file");
        }
        List<byte[]> apdus = new ArrayList<>();
        ApduJson view = new ApduJson(arguments.charset());
        for (String file : arguments.files()) {
            byte[] bytes = read(file);
            try {
                apdus.add(file.endsWith(".json") ? encodeJson(file, bytes, view) : bytes);
            } catch (InvalidInput e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        InetSocketAddress target = arguments.target();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHostString(), target.getPort()), 10_000);
            OutputStream toPeer = socket.getOutputStream();
            for (byte[] apdu : apdus) {
                toPeer.write(apdu);
            }
            toPeer.flush();
            err.println("sent " + apdus.size() + " APDU(s) to " + target.getHostString() + ":" + target.getPort());
            return printReplies(socket, arguments.waitSeconds(), view);
        }
    }

    /** Reads until the peer closes or nothing has come for the wait time; prints each APDU. */
    private int printReplies(Socket socket, int waitSeconds, ApduJson view) throws IOException {
        if (waitSeconds <= 0) {
            return 0;
        }
        socket.setSoTimeout(waitSeconds * 1000);
        InputStream fromPeer = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = fromPeer.read(buffer); n >= 0; n = fromPeer.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // nothing more within the wait: what came is all there is
        }
        int status = 0;
        for (ApduStream.Frame frame : ApduStream.split(received.toByteArray())) {
            if (frame.error() != null) {
                err.println("reply at byte " + frame.offset() + ": " + frame.error());
                status = 1;
                continue;
            }
            try {
                out.println(view.toPrettyText(codec.decode(frame.bytes())));
            } catch (DecodeException e) {
                err.println("reply at byte " + frame.offset() + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** The BER of every APDU in a JSON file: one document, an array, or documents one after another. */
    private byte[] encodeJson(String file, byte[] json, ApduJson view) throws InvalidInput {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (MappingIterator<JsonNode> documents = ApduJson.MAPPER.readerFor(JsonNode.class).readValues(json)) {
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                List<JsonNode> apdus = new ArrayList<>();
                if (document.isArray()) {
                    document.forEach(apdus::add);
                } else {
                    apdus.add(document);
                }
                for (JsonNode apdu : apdus) {
                    index++;
                    encoded.writeBytes(encodeOne(file, index, apdu, view));
                }
            }
        } catch (JacksonException e) {
            throw new InvalidInput(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        return encoded.toByteArray();
    }

    private byte[] encodeOne(String file, int index, JsonNode json, ApduJson view) throws InvalidInput {
        try {
            Apdu apdu = view.fromJson(json);
            return codec.encode(apdu);
        } catch (JsonViewException | EncodeException e) {
            throw new InvalidInput(file + " (APDU " + index + "): " + e.getMessage());
        }
    }

    private byte[] read(String file) throws IOException {
        return "-".equals(file) ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The value given after {@code option} (at {@code i}); a usage error when there is none. */
    static String optionValue(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** {@code text} as a whole number; a usage error naming {@code option} when it is not one. */
    static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
        }
    }

    /** Input that cannot become an APDU: the message is the one line to print. */
    private static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    /** The parsed command line. */
    record Arguments(String command, List<String> files, Charset charset, String output,
                     InetSocketAddress target, int waitSeconds) {

        static Arguments parse(String[] args) {
            if (args.length == 0 || !COMMANDS.contains(args[0])) {
                throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command '" + args[0] + "'");
            }
            String command = args[0];
            List<String> files = new ArrayList<>();
            Charset charset = StandardCharsets.UTF_8;
            String output = null;
            InetSocketAddress target = null;
            int waitSeconds = 5;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--charset" -> charset = charset(value(args, ++i, arg));
                    case "-o", "--output" -> output = value(args, ++i, arg);
                    case "--wait" -> waitSeconds = number(value(args, ++i, arg), arg);
                    default -> {
                        if (arg.startsWith("-") && !arg.equals("-")) {
                            throw new IllegalArgumentException("unknown option '" + arg + "'");
                        }
                        if ("send".equals(command) && target == null) {
                            target = address(arg);
                        } else {
                            files.add(arg);
                        }
                    }
                }
            }
            if (Set.of("decode", "encode").contains(command) && files.isEmpty()) {
                throw new IllegalArgumentException(command + " needs at least one file");
            }
            return new Arguments(command, files, charset, output, target, waitSeconds);
        }

        private static String value(String[] args, int i, String option) {
            return optionValue(Arrays.asList(args), i, option);
        }

        private static Charset charset(String name) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown charset '" + name + "'");
            }
        }

        private static InetSocketAddress address(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("'" + hostPort + "' is not HOST:PORT");
            }
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                    number(hostPort.substring(colon + 1), "HOST:PORT"));
        }
    }
}
