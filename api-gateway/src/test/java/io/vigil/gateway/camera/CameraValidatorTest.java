package io.vigil.gateway.camera;

import io.vigil.contracts.CameraMode;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CameraValidatorTest {

    private static final String URL = "rtsp://admin:s3cret@192.168.1.20:554/stream";

    @Test
    void fillsTheDefaults() {
        CameraSpec spec = CameraValidator.forCreate(new CameraRequest("door", null, URL, null, null));
        assertThat(spec).isEqualTo(new CameraSpec("door", "door", URL, CameraMode.CONTINUOUS, 900));
    }

    @Test
    void keepsGivenValues() {
        CameraSpec spec = CameraValidator.forCreate(new CameraRequest("yard-2", "  Back yard ", "https://cam.local/mjpeg", "events", 10));
        assertThat(spec).isEqualTo(new CameraSpec("yard-2", "Back yard", "https://cam.local/mjpeg", CameraMode.EVENTS, 10));
    }

    @Test
    void rejectsBadIds() {
        assertInvalid("id", () -> CameraValidator.forCreate(new CameraRequest(null, null, URL, null, null)));
        assertInvalid("id", () -> CameraValidator.forCreate(new CameraRequest("Door", null, URL, null, null)));
        assertInvalid("id", () -> CameraValidator.forCreate(new CameraRequest("a".repeat(64), null, URL, null, null)));
        assertInvalid("id", () -> CameraValidator.forCreate(new CameraRequest("", null, URL, null, null)));
    }

    @Test
    void rejectsBadNames() {
        assertInvalid("name", () -> CameraValidator.forCreate(new CameraRequest("door", "   ", URL, null, null)));
        assertInvalid("name", () -> CameraValidator.forCreate(new CameraRequest("door", "n".repeat(201), URL, null, null)));
    }

    @Test
    void rejectsBadUrlsWithoutRepeatingThem() {
        for (String url : new String[] {null, " ", "ftp://admin:s3cret@cam/x", "rtsp:/s3cret", "rtsp://admin:s3cret@/x",
                "admin:s3cret", "rtsp://admin:s3cret@cam/a b", "rtsp://" + "x".repeat(3000)}) {
            ProblemException e = assertInvalid("url", () -> CameraValidator.forCreate(new CameraRequest("door", null, url, null, null)));
            assertThat(e.getMessage()).as(url).doesNotContain("s3cret");
        }
    }

    @Test
    void acceptsEverySupportedScheme() {
        for (String scheme : new String[] {"rtsp", "rtsps", "http", "https", "RTSP"}) {
            assertThat(CameraValidator.forCreate(new CameraRequest("door", null, scheme + "://cam:8554/live", null, null)).url())
                    .isEqualTo(scheme + "://cam:8554/live");
        }
    }

    @Test
    void rejectsBadModes() {
        assertInvalid("mode", () -> CameraValidator.forCreate(new CameraRequest("door", null, URL, "always", null)));
        assertInvalid("mode", () -> CameraValidator.forCreate(new CameraRequest("door", null, URL, "CONTINUOUS", null)));
    }

    @Test
    void rejectsRotationOutOfRange() {
        assertInvalid("rotationSeconds", () -> CameraValidator.forCreate(new CameraRequest("door", null, URL, null, 9)));
        assertInvalid("rotationSeconds", () -> CameraValidator.forCreate(new CameraRequest("door", null, URL, null, 86_401)));
        assertThat(CameraValidator.forCreate(new CameraRequest("door", null, URL, null, 86_400)).rotationSeconds()).isEqualTo(86_400);
    }

    @Test
    void updateTakesTheIdFromThePath() {
        assertThat(CameraValidator.forUpdate("door", new CameraRequest(null, null, URL, "off", null)).id()).isEqualTo("door");
        assertThat(CameraValidator.forUpdate("door", new CameraRequest("door", null, URL, "off", null)).mode()).isEqualTo(CameraMode.OFF);
        assertInvalid("id", () -> CameraValidator.forUpdate("door", new CameraRequest("gate", null, URL, null, null)));
    }

    @Test
    void aBodyIsRequired() {
        assertInvalid("body", () -> CameraValidator.forCreate(null));
        assertInvalid("body", () -> CameraValidator.forUpdate("door", null));
    }

    private static ProblemException assertInvalid(String field, Executable call) {
        ProblemException e = catchThrowableOfType(ProblemException.class, call::execute);
        assertThat(e).as("expected a 400 on " + field).isNotNull();
        Problem problem = e.toProblem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo(field);
        return e;
    }
}
