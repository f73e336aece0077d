package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every API call that changes something, found from the service's own mappings
 * (so a new one cannot slip through), needs a login and the right role; the page's forms need a
 * CSRF token; guessing passwords is slowed down.
 */
class AccessRulesTest extends RunningService {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
    }

    /** A call that changes state: its method and path, with 1 for every path variable. */
    record Call(String method, String path) {
        boolean isStaffWork() {
            return path.equals("/api/requests") || path.startsWith("/api/requests/");
        }
    }

    @Test
    void everyApiCallThatChangesSomethingNeedsALoginAndTheRightRole() {
        List<Call> calls = stateChangingApiCalls();
        assertThat(calls).as("the API's state-changing calls were found").hasSizeGreaterThanOrEqualTo(6);

        for (Call call : calls) {
            assertThat(status(null, call)).as("%s without a login", call).isEqualTo(401);
            assertThat(status(TestUsers.VIEWER, call)).as("%s as a viewer", call).isEqualTo(403);
            TestUsers allowed = call.isStaffWork() ? TestUsers.STAFF : TestUsers.OPERATOR;
            TestUsers refused = call.isStaffWork() ? TestUsers.OPERATOR : TestUsers.STAFF;
            assertThat(status(allowed, call)).as("%s as %s", call, allowed).isNotIn(401, 403);
            assertThat(status(refused, call)).as("%s as %s", call, refused).isEqualTo(403);
        }
    }

    @Test
    void readingNeedsALoginAndAnyRoleWhileHealthStaysOpen() {
        for (String path : List.of("/api/requests", "/api/dead-letters", "/api/outbox", "/api/inbox", "/api/profiles",
                "/api/routes", "/api/requests/queues", "/actuator/prometheus")) {
            assertThat(InboxApi.as(httpPort, null).text(path).statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/requests", "/api/dead-letters", "/api/requests/queues")) {
            assertThat(InboxApi.as(httpPort, TestUsers.VIEWER).text(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(InboxApi.as(httpPort, TestUsers.VIEWER).text("/actuator/prometheus").statusCode())
                .as("metrics are the operators'").isEqualTo(403);
        assertThat(InboxApi.as(httpPort, null).text("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiSaysWhyInAProblemDetail() {
        HttpResponse<String> anonymous = InboxApi.as(httpPort, null).text("/api/requests");
        HttpResponse<String> viewer = InboxApi.as(httpPort, TestUsers.VIEWER).send("POST", "/api/outbox/1/resend", null);

        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"illbridge\"");
        assertThat(anonymous.body()).contains("\"status\":401", "Log in");
        assertThat(viewer.body()).contains("\"status\":403", "needs a role this user does not have");
    }

    @Test
    void thePagesFormsNeedTheirCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + httpPort;
        String token = csrf(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = browser.send(form(base + "/login", "username=sam&password=sam-secret&_csrf=" + token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        String pageToken = csrf(browser.send(HttpRequest.newBuilder(URI.create(base + "/requests/new")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        HttpResponse<String> forged = browser.send(form(base + "/requests", "symbol=OCL&responder=X&title=Forged"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> genuine = browser.send(form(base + "/requests", "symbol=OCL&responder=X&title=Mine&_csrf="
                + pageToken), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).as("a form posted from elsewhere").isEqualTo(403);
        assertThat(genuine.statusCode()).as("the page's own form").isEqualTo(200);
        assertThat(genuine.body()).contains("Not sent:");
    }

    @Test
    void guessingAPasswordIsSlowedDown() {
        InboxApi guesser = InboxApi.withPassword(httpPort, TestUsers.OPERATOR.userName(), "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.text("/api/outbox").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> right = InboxApi.as(httpPort, TestUsers.OPERATOR).text("/api/outbox");

        assertThat(right.statusCode()).as("even the right password waits after five wrong ones").isEqualTo(401);
        assertThat(right.body()).contains("Too many failed logins for olga");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                InboxApi.as(httpPort, TestUsers.OPERATOR).text("/api/outbox").statusCode() == 200);
    }

    private List<Call> stateChangingApiCalls() {
        List<Call> calls = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        calls.add(new Call(method.name(), pattern.replaceAll("\\{[^}]+}", "1")));
                    }
                }
            }
        }
        return calls;
    }

    private int status(TestUsers user, Call call) {
        String body = call.method().equals("DELETE") ? null : "{}";
        return InboxApi.as(httpPort, user).send(call.method(), call.path(), body).statusCode();
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String page) throws IOException {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IOException("no CSRF token in the page");
        }
        return token.group(1);
    }
}
