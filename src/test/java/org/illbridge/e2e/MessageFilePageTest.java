package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff page starts at its login, and the profiles the API shows speak kebab-case. */
class MessageFilePageTest extends RunningService {

    private static final String DATABASE = TestDatabases.newH2Url();
    private static final int LISTEN_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, DATABASE, LISTEN_PORT);
    }

    @Test
    void thePageAsksForALoginFirst() {
        HttpResponse<String> page = InboxApi.as(httpPort, null).text("/");
        HttpResponse<String> login = InboxApi.as(httpPort, null).text("/login");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<title>Log in — illbridge</title>", "name=\"_csrf\"", "autocomplete=\"current-password\"");
    }

    @Test
    void describesProfilesInTheApisWords() {
        String profiles = api.text("/api/profiles").body();

        assertThat(profiles).contains("\"profile-installed\"", "\"unknown-requesters\"", "\"oclc-rules\"")
                .doesNotContain("profileInstalled");
    }
}
