package org.illbridge.camel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.LineNumberAware;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' routes in {@code routes/}: each saved file is parsed and checked — its route ids
 * unique, the {@code direct:} endpoints it sends to served, the beans it names registered, its
 * route configuration defined — before it replaces the routes it held; an edit that fails is
 * refused, the running routes stay, and the refusal (file, line, reason) is kept for the API, JMX,
 * health and the log. Files are compared by checksum, so a save is one reload however many times
 * the editor writes it.
 */
public final class RouteFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFiles.class);
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");

    /** One file: what is on disk, what runs, and how the last reload went. */
    public record RouteFile(String file, @JsonProperty("checksum-on-disk") String checksumOnDisk,
                            @JsonProperty("checksum-running") String checksumRunning,
                            @JsonProperty("last-reload") Instant lastReload, @JsonProperty("last-result") String lastResult,
                            List<String> routes) {

        @JsonIgnore
        public boolean isRunningWhatIsOnDisk() {
            return checksumOnDisk.equals(checksumRunning);
        }
    }

    private final CamelContext camel;
    private final Path directory;
    private final PathMatcher pattern;
    private final Clock clock;
    private final Map<Path, RouteFile> files = new TreeMap<>();
    private final Map<Path, String> running = new TreeMap<>();

    /** @param pattern the file names that hold routes, as a glob ({@code *.yaml}) */
    public RouteFiles(CamelContext camel, Path directory, String pattern, Clock clock) {
        this.camel = camel;
        this.directory = directory;
        this.pattern = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        this.clock = clock;
    }

    /** The files as the service started with them: what is on disk runs. */
    public synchronized void started() {
        for (Path file : yamlFiles()) {
            String text = read(file);
            running.put(file, text);
            files.put(file, new RouteFile(file.toString(), checksum(text), checksum(text), clock.instant(), "loaded at start",
                    routeIdsOf(file)));
        }
    }

    public synchronized List<RouteFile> files() {
        return List.copyOf(files.values());
    }

    /** Reloads each file whose content changed since it was last looked at. */
    public synchronized void check() {
        for (Path file : yamlFiles()) {
            String text = read(file);
            RouteFile known = files.get(file);
            if (known != null && known.checksumOnDisk().equals(checksum(text))) {
                continue;
            }
            reload(file, text);
        }
    }

    private void reload(Path file, String text) {
        String running = this.running.get(file);
        try {
            List<RouteDefinition> routes = parse(file, text);
            check(file, routes);
            replace(file, text);
            this.running.put(file, text);
            record(file, text, text, "reloaded: " + routes.stream().map(RouteDefinition::getRouteId).toList());
            LOG.info("Routes from {} reloaded", file);
        } catch (RefusedEdit refused) {
            record(file, text, running, "refused: " + refused.getMessage());
            LOG.error("Edit of {} refused, the routes it held keep running: {}", file, refused.getMessage());
        }
    }

    private void record(Path file, String onDisk, String runningText, String result) {
        files.put(file, new RouteFile(file.toString(), checksum(onDisk), runningText == null ? "" : checksum(runningText),
                clock.instant(), result, routeIdsOf(file)));
    }

    /** Why an edit is refused, with the file and the line where one is known. */
    static final class RefusedEdit extends Exception {
        RefusedEdit(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private List<RouteDefinition> parse(Path file, String text) throws RefusedEdit {
        try {
            Resource resource = ResourceHelper.fromString(file.getFileName().toString(), text);
            List<RouteDefinition> routes = new ArrayList<>();
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource)) {
                if (builder instanceof RouteBuilder routeBuilder) {
                    routes.addAll(routeBuilder.configureRoutes(camel).getRoutes());
                }
            }
            return routes;
        } catch (Exception e) {
            throw new RefusedEdit(file + ": " + firstLine(e), e);
        }
    }

    private void check(Path file, List<RouteDefinition> routes) throws RefusedEdit {
        Set<String> ownIds = new HashSet<>(routeIdsOf(file));
        Set<String> ids = new HashSet<>();
        Set<String> served = new HashSet<>();
        camel.getRoutes().forEach(route -> {
            if (!ownIds.contains(route.getRouteId())) {
                served.add(route.getEndpoint().getEndpointUri());
            }
        });
        routes.forEach(route -> served.add(route.getInput().getEndpointUri()));
        for (RouteDefinition route : routes) {
            String id = route.getRouteId();
            if (id != null && (!ids.add(id) || (camel.getRoute(id) != null && !ownIds.contains(id)))) {
                throw refused(file, route, "route id '" + id + "' is used by another route");
            }
            String configuration = route.getRouteConfigurationId();
            if (configuration != null && !routeConfigurations().contains(configuration)) {
                throw refused(file, route, "route configuration '" + configuration + "' is not defined");
            }
            checkSteps(file, route.getOutputs(), served);
        }
    }

    private void checkSteps(Path file, List<ProcessorDefinition<?>> steps, Set<String> served) throws RefusedEdit {
        for (ProcessorDefinition<?> step : steps) {
            if (step instanceof SendDefinition<?> send && !(step instanceof ToDynamicDefinition)) {
                String uri = send.getUri() != null ? send.getUri() : send.getEndpointUri();
                if (uri != null && uri.startsWith("direct:") && served.stream().noneMatch(s -> sameDirect(s, uri))) {
                    throw refused(file, step, "no route takes messages from '" + uri + "'");
                }
            }
            if (step instanceof ExpressionNode node) {
                checkBean(file, step, node.getExpression());
            }
            if (step instanceof ChoiceDefinition choice) {
                for (WhenDefinition when : choice.getWhenClauses()) {
                    checkBean(file, when, when.getExpression());
                    checkSteps(file, when.getOutputs(), served);
                }
                if (choice.getOtherwise() != null) {
                    checkSteps(file, choice.getOtherwise().getOutputs(), served);
                }
            } else {
                checkSteps(file, step.getOutputs(), served);
            }
        }
    }

    private void checkBean(Path file, Object step, ExpressionDefinition expression) throws RefusedEdit {
        if (expression instanceof MethodCallExpression method && method.getRef() != null
                && camel.getRegistry().lookupByName(method.getRef()) == null) {
            throw refused(file, step, "no bean named '" + method.getRef() + "'");
        }
    }

    /** Removes the routes the file held and loads its new text; on failure, puts the old text back. */
    private void replace(Path file, String text) throws RefusedEdit {
        List<String> old = routeIdsOf(file);
        try {
            for (String id : old) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:" + file, text));
        } catch (Exception failed) {
            restore(file);
            throw new RefusedEdit(file + ": " + firstLine(failed), failed);
        }
    }

    private void restore(Path file) {
        String previous = running.get(file);
        try {
            for (String id : routeIdsOf(file)) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            }
            if (previous != null) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("file:" + file, previous));
            }
        } catch (Exception e) {
            LOG.error("Could not put back the routes of {} as they ran before", file, e);
        }
    }

    /** The ids of the running routes that were loaded from {@code file}. */
    private List<String> routeIdsOf(Path file) {
        String name = file.getFileName().toString();
        return camel.getRoutes().stream()
                .filter(route -> route.getSourceResource() != null && route.getSourceResource().getLocation() != null
                        && route.getSourceResource().getLocation().endsWith(name))
                .map(route -> route.getRouteId()).sorted().toList();
    }

    private Set<String> routeConfigurations() {
        Set<String> ids = new HashSet<>();
        for (RouteConfigurationDefinition configuration : camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteConfigurationDefinitions()) {
            ids.add(configuration.getId());
        }
        return ids;
    }

    private static boolean sameDirect(String served, String uri) {
        return strip(served).equals(strip(uri));
    }

    private static String strip(String uri) {
        String name = uri.replace("direct://", "direct:");
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }

    private static RefusedEdit refused(Path file, Object node, String reason) {
        int line = node instanceof LineNumberAware located ? located.getLineNumber() : -1;
        return new RefusedEdit(file + (line > 0 ? ":" + line : "") + ": " + reason, null);
    }

    /** The parser's complaint in one line, with the line and column it names (YAML parsers spread them over several). */
    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        List<String> lines = sayings(message);
        Matcher where = LINE_AND_COLUMN.matcher(message);
        String what = lines.isEmpty() ? message : lines.get(lines.size() - 1);
        String first = lines.isEmpty() ? "" : lines.get(0);
        String said = first.equals(what) || first.contains("line ") ? what : first + ": " + what;
        return where.find() ? "line " + where.group(1) + ", column " + where.group(2) + ": " + said : said;
    }

    /** The lines of a parser's message that say something: not where ("in FILE, line …") nor the quoted source under it. */
    private static List<String> sayings(String message) {
        List<String> sayings = new ArrayList<>();
        boolean quotedSourceNext = false;
        for (String line : message.lines().map(String::strip).toList()) {
            if (line.startsWith("in ") && line.contains("line ")) {
                quotedSourceNext = true;
            } else if (quotedSourceNext || line.startsWith("^") || line.isEmpty()) {
                quotedSourceNext = false;
            } else {
                sayings.add(line);
            }
        }
        return sayings;
    }

    private List<Path> yamlFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> pattern.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
