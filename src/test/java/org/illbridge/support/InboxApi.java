package org.illbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as an operator uses it, over real HTTP. */
public final class InboxApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    /** The Authorization header sent with every call, or null for none. */
    private final String authorization;

    /** The API as the test admin (staff and operator) uses it. */
    public InboxApi(int httpPort) {
        this(httpPort, TestUsers.ADMIN);
    }

    private InboxApi(int httpPort, TestUsers user) {
        this(httpPort, user == null ? null : basic(user.userName(), user.password()));
    }

    private InboxApi(int httpPort, String authorization) {
        this.base = "http://127.0.0.1:" + httpPort;
        this.authorization = authorization;
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The API with any name and password (a wrong one, say). */
    public static InboxApi withPassword(int httpPort, String name, String password) {
        return new InboxApi(httpPort, basic(name, password));
    }

    /** The API as {@code user}, or with no login when null. */
    public static InboxApi as(int httpPort, TestUsers user) {
        return new InboxApi(httpPort, user);
    }

    /** GET a JSON document; fails unless the answer is 200. */
    public JsonNode json(String path) {
        HttpResponse<String> response = get(path, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public HttpResponse<byte[]> bytes(String path) {
        return get(path, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> text(String path) {
        return get(path, HttpResponse.BodyHandlers.ofString());
    }

    /** POST with no body; fails unless the answer is 200. */
    public JsonNode post(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST a JSON body; returns the answer whatever its status. */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), handler);
    }

    /** Any call, with this API's login. */
    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpRequest withLogin = authorization == null ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
        try {
            return http.send(withLogin, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
