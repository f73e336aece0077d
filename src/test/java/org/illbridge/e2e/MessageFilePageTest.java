package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.illbridge.support.FreePort;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The message-file page is served, and the profiles it shows speak the API's kebab-case. */
class MessageFilePageTest extends RunningService {

    private static final String DATABASE = TestDatabases.newH2Url();
    private static final int LISTEN_PORT = FreePort.find();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, DATABASE, LISTEN_PORT);
    }

    @Test
    void servesTheMessageFilePageThatReadsTheApi() {
        HttpResponse<String> page = api.text("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>illbridge — message file</title>", "/api/dead-letters", "/api/requests",
                "/replay", "/resend");
    }

    @Test
    void describesProfilesInTheApisWords() {
        String profiles = api.text("/api/profiles").body();

        assertThat(profiles).contains("\"profile-installed\"", "\"unknown-requesters\"", "\"oclc-rules\"")
                .doesNotContain("profileInstalled");
    }
}
