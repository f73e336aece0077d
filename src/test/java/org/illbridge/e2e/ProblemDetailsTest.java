package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.assertj.core.api.AbstractStringAssert;
import org.illbridge.support.FreePort;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Whatever a client gets wrong, the API answers with an RFC 9457 problem detail and a sentence. */
class ProblemDetailsTest extends RunningService {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
    }

    @Test
    void malformedJsonSaysWhatIsWrongWithIt() {
        HttpResponse<String> answer = api.post("/api/requests", "{\"symbol\": ");

        assertProblem(answer, 400).satisfies(detail -> assertThat(detail).startsWith("The request body is not the JSON this call takes: "));
    }

    @Test
    void aWrongMethodAWrongContentTypeAnUnknownPathAndABadIdAreProblemDetails() {
        assertProblem(api.delete("/api/requests"), 405);
        assertProblem(api.text("/api/no-such-thing"), 404);
        assertProblem(api.text("/api/inbox/abc"), 400);
        assertProblem(api.text("/api/inbox/1%2F2"), 400);
        assertProblem(api.text("/api/inbox/424242"), 404).satisfies(detail -> assertThat(detail).contains("424242"));
    }

    private AbstractStringAssert<?> assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.parse(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
