package io.vigil.gateway.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void validationProblemNamesItsField() throws Exception {
        Problem problem = ProblemException.invalid("url", "url is required").toProblem();
        assertThat(json.readTree(json.writeValueAsString(problem)).properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "field");
        assertThat(problem.field()).isEqualTo("url");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:vigil:problem:invalid-request");
    }

    @Test
    void carriesAnOptionalCodeAndHeaders() throws Exception {
        ProblemException e = ProblemException.unavailable("camera unreachable").withCode(-1008).withHeader("Retry-After", "5");
        Problem problem = e.toProblem();
        assertThat(problem.code()).isEqualTo(-1008);
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).isEqualTo("camera unreachable");
        assertThat(e.headers()).containsEntry("Retry-After", "5");
        assertThat(json.writeValueAsString(problem)).contains("\"code\":-1008").doesNotContain("field");
    }

    @Test
    void namesTheEventItIsAbout() throws Exception {
        Problem problem = ProblemException.conflict("a manual recording already runs on camera door")
                .withCode(ErrorCodes.MANUAL_RECORDING_RUNNING).withEventId("ev-1").toProblem();
        assertThat(json.readTree(json.writeValueAsString(problem)).properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "code", "eventId");
        assertThat(problem.code()).isEqualTo(-1006);
        assertThat(problem.eventId()).isEqualTo("ev-1");
        assertThat(problem.status()).isEqualTo(409);
    }
}
