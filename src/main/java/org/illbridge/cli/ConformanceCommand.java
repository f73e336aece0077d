package org.illbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code conformance HOST:PORT --as SYMBOL --peer SYMBOL}: a short scripted exchange with a
 * partner's ISO ILL server, and a table of what it answered and seems to support — so that a
 * library can find out, before going live, what a partner's system does.
 */
final class ConformanceCommand {

    static final String USAGE = """
            conformance HOST:PORT --as SYMBOL --peer SYMBOL [--listen [HOST:]PORT] [--announce HOST:PORT]
                        [--wait SECONDS] [--qualifier Q]
                                                      a scripted exchange with a partner's ISO ILL server
                                                      (ILL-Request in the OCLC form, Status-Query, Message,
                                                      Cancel); prints what came back and what the partner
                                                      seems to support. --listen also reads answers the
                                                      partner sends on a new connection""";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    ConformanceCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) throws IOException {
        Options options = Options.parse(args);
        LocalDateTime now = LocalDateTime.now(clock);
        String qualifier = options.qualifier() != null ? options.qualifier()
                : "CONF-" + now.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        ConformanceCheck check = new ConformanceCheck(options.host(), options.port(), options.as(), options.peer(), options.waitFor());
        List<ConformanceCheck.Outcome> outcomes;
        try (ServerSocket listener = options.listen() == null ? null : listen(options.listen())) {
            outcomes = check.run(listener, options.announce(), qualifier, now);
        } catch (IOException e) {
            err.println("illbridge: conformance: cannot talk to " + options.host() + ":" + options.port() + ": " + e.getMessage());
            return 1;
        }
        ConformanceReport report = new ConformanceReport(outcomes, options.waitFor(), options.listen() != null);
        out.println("Conformance check of " + options.peer() + " at " + options.host() + ":" + options.port() + ", as "
                + options.as() + ", transaction " + qualifier + " (each answer awaited up to " + options.waitFor().toSeconds() + " s)");
        out.println();
        out.print(report.table());
        out.println();
        out.println("What " + options.peer() + " seems to support:");
        report.findings().forEach(finding -> out.println("- " + finding));
        return 0;
    }

    private static ServerSocket listen(InetSocketAddress at) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(at);
        return listener;
    }

    record Options(String host, int port, String as, String peer, InetSocketAddress listen, String announce, Duration waitFor,
                   String qualifier) {

        static Options parse(List<String> args) {
            String target = null;
            String as = null;
            String peer = null;
            InetSocketAddress listen = null;
            String announce = null;
            Duration wait = Duration.ofSeconds(5);
            String qualifier = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--as" -> as = CommandLine.optionValue(args, ++i, arg);
                    case "--peer" -> peer = CommandLine.optionValue(args, ++i, arg);
                    case "--listen" -> listen = listenAt(CommandLine.optionValue(args, ++i, arg));
                    case "--announce" -> announce = CommandLine.optionValue(args, ++i, arg);
                    case "--wait" -> wait = Duration.ofSeconds(CommandLine.number(CommandLine.optionValue(args, ++i, arg), arg));
                    case "--qualifier" -> qualifier = CommandLine.optionValue(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("-") || target != null) {
                            throw new IllegalArgumentException("conformance: unexpected '" + arg + "'");
                        }
                        target = arg;
                    }
                }
            }
            if (target == null || as == null || peer == null) {
                throw new IllegalArgumentException("conformance needs HOST:PORT, --as SYMBOL (ours) and --peer SYMBOL (theirs)");
            }
            int colon = target.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + target + "' is not HOST:PORT");
            }
            return new Options(target.substring(0, colon), CommandLine.number(target.substring(colon + 1), "HOST:PORT"), as, peer, listen,
                    announce, wait, qualifier);
        }

        private static InetSocketAddress listenAt(String text) {
            int colon = text.lastIndexOf(':');
            return colon < 0 ? new InetSocketAddress(CommandLine.number(text, "--listen"))
                    : new InetSocketAddress(text.substring(0, colon), CommandLine.number(text.substring(colon + 1), "--listen"));
        }


    }
}
