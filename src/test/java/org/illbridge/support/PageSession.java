package org.illbridge.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The staff page over plain HTTP, logged in through its form (session cookie and CSRF token), for pages a test reads without a browser. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    private PageSession(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort;
    }

    public static PageSession loggedIn(int httpPort, TestUsers user) {
        PageSession session = new PageSession(httpPort);
        Matcher token = CSRF.matcher(session.get("/login").body());
        if (!token.find()) {
            throw new AssertionError("the login page has no CSRF token");
        }
        String form = "username=" + encode(user.userName()) + "&password=" + encode(user.password()) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> after = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (after.uri().getPath().startsWith("/login")) {
            throw new AssertionError("login as " + user.userName() + " failed");
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
