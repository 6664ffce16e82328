package io.vigil.gateway.camera;

import io.vigil.contracts.CameraMode;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Region;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CameraValidatorTest {

    private static final String URL = "rtsp://admin:s3cret@192.168.1.20:554/stream";

    @Test
    void fillsTheDefaults() {
        CameraSpec spec = CameraValidator.forCreate(request("door", null, URL, null, null));
        assertThat(spec).isEqualTo(new CameraSpec("door", "door", URL, CameraMode.CONTINUOUS, 900, 5, 10, 1800,
                MotionSettings.DEFAULT));
    }

    @Test
    void keepsGivenValues() {
        CameraSpec spec = CameraValidator.forCreate(request("yard-2", "  Back yard ", "https://cam.local/live/index.m3u8", "events", 10));
        assertThat(spec).isEqualTo(new CameraSpec("yard-2", "Back yard", "https://cam.local/live/index.m3u8", CameraMode.EVENTS, 10,
                5, 10, 1800, MotionSettings.DEFAULT));
    }

    @Test
    void rejectsBadIds() {
        assertInvalid("id", () -> CameraValidator.forCreate(request(null, null, URL, null, null)));
        assertInvalid("id", () -> CameraValidator.forCreate(request("Door", null, URL, null, null)));
        assertInvalid("id", () -> CameraValidator.forCreate(request("a".repeat(64), null, URL, null, null)));
        assertInvalid("id", () -> CameraValidator.forCreate(request("", null, URL, null, null)));
    }

    @Test
    void rejectsBadNames() {
        assertInvalid("name", () -> CameraValidator.forCreate(request("door", "   ", URL, null, null)));
        assertInvalid("name", () -> CameraValidator.forCreate(request("door", "n".repeat(201), URL, null, null)));
    }

    @Test
    void rejectsBadUrlsWithoutRepeatingThem() {
        for (String url : new String[] {null, " ", "ftp://admin:s3cret@cam/x", "rtsp:/s3cret", "rtsp://admin:s3cret@/x",
                "admin:s3cret", "rtsp://admin:s3cret@cam/a b", "rtsp://" + "x".repeat(3000)}) {
            ProblemException e = assertInvalid("url", () -> CameraValidator.forCreate(request("door", null, url, null, null)));
            assertThat(e.getMessage()).as(url).doesNotContain("s3cret");
        }
    }

    @Test
    void acceptsEverySupportedScheme() {
        for (String url : new String[] {"rtsp://cam:8554/live", "rtsps://cam:8322/live", "RTSP://cam:8554/live",
                "http://cam:8080/live/index.m3u8", "https://cdn.example/a/b.M3U8?token=x", "http://cam/stream.mp4"}) {
            assertThat(CameraValidator.forCreate(request("door", null, url, null, null)).url()).isEqualTo(url);
        }
        // over HTTP only HLS playlists and MP4: anything else (MJPEG, a web page) cannot be copied without transcoding
        assertInvalid("url", () -> CameraValidator.forCreate(request("door", null, "http://cam:8080/live", null, null)));
        assertInvalid("url", () -> CameraValidator.forCreate(request("door", null, "https://cam/video.mjpg", null, null)));
    }

    @Test
    void rejectsBadModes() {
        assertInvalid("mode", () -> CameraValidator.forCreate(request("door", null, URL, "always", null)));
        assertInvalid("mode", () -> CameraValidator.forCreate(request("door", null, URL, "CONTINUOUS", null)));
    }

    @Test
    void rejectsRotationOutOfRange() {
        assertInvalid("rotationSeconds", () -> CameraValidator.forCreate(request("door", null, URL, null, 9)));
        assertInvalid("rotationSeconds", () -> CameraValidator.forCreate(request("door", null, URL, null, 86_401)));
        assertThat(CameraValidator.forCreate(request("door", null, URL, null, 86_400)).rotationSeconds()).isEqualTo(86_400);
    }

    @Test
    void updateTakesTheIdFromThePath() {
        assertThat(CameraValidator.forUpdate("door", request(null, null, URL, "off", null)).id()).isEqualTo("door");
        assertThat(CameraValidator.forUpdate("door", request("door", null, URL, "off", null)).mode()).isEqualTo(CameraMode.OFF);
        assertInvalid("id", () -> CameraValidator.forUpdate("door", request("gate", null, URL, null, null)));
    }

    @Test
    void aBodyIsRequired() {
        assertInvalid("body", () -> CameraValidator.forCreate(null));
        assertInvalid("body", () -> CameraValidator.forUpdate("door", null));
    }

    @Test
    void keepsGivenEventSettings() {
        MotionRequest motion = new MotionRequest(false, 80, 0.5, List.of(
                new RegionRequest(0.0, 0.0, 0.25, 0.1), new RegionRequest(0.5, 0.5, 0.5, 0.5)));
        CameraSpec spec = CameraValidator.forCreate(new CameraRequest("door", null, URL, "events", null, 0, 300, 10, motion, null, null));
        assertThat(spec.preRollSeconds()).isZero();
        assertThat(spec.postRollSeconds()).isEqualTo(300);
        assertThat(spec.maxEventSeconds()).isEqualTo(10);
        assertThat(spec.motion()).isEqualTo(new MotionSettings(false, 80, 0.5,
                List.of(new Region(0, 0, 0.25, 0.1), new Region(0.5, 0.5, 0.5, 0.5))));
    }

    @Test
    void fillsTheDefaultsOfAPartialMotion() {
        CameraSpec spec = CameraValidator.forCreate(new CameraRequest("door", null, URL, null, null, 30, 0, 86_400,
                new MotionRequest(null, 100, null, null), null, null));
        assertThat(spec.motion()).isEqualTo(new MotionSettings(true, 100, 1.0, List.of()));
        assertThat(spec.preRollSeconds()).isEqualTo(30);
        assertThat(spec.maxEventSeconds()).isEqualTo(86_400);
    }

    @Test
    void rejectsEventSettingsOutOfRangeNamingTheField() {
        assertInvalid("preRollSeconds", () -> CameraValidator.forCreate(events(-1, null, null, null)));
        assertInvalid("preRollSeconds", () -> CameraValidator.forCreate(events(31, null, null, null)));
        assertInvalid("postRollSeconds", () -> CameraValidator.forCreate(events(null, -1, null, null)));
        assertInvalid("postRollSeconds", () -> CameraValidator.forCreate(events(null, 301, null, null)));
        assertInvalid("maxEventSeconds", () -> CameraValidator.forCreate(events(null, null, 9, null)));
        assertInvalid("maxEventSeconds", () -> CameraValidator.forCreate(events(null, null, 86_401, null)));
        assertInvalid("motion.sensitivity", () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, 0, null, null))));
        assertInvalid("motion.sensitivity", () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, 101, null, null))));
        assertInvalid("motion.minAreaPercent", () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, null, 0.09, null))));
        assertInvalid("motion.minAreaPercent", () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, null, 100.5, null))));
        assertInvalid("motion.minAreaPercent", () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, null, Double.NaN, null))));
        List<RegionRequest> tooMany = Collections.nCopies(33, new RegionRequest(0.0, 0.0, 0.1, 0.1));
        assertInvalid("motion.masks", () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, null, null, tooMany))));
    }

    @Test
    void rejectsBadMasksNamingTheCoordinate() {
        RegionRequest good = new RegionRequest(0.1, 0.1, 0.2, 0.2);
        assertBadMask("motion.masks[1]", null);
        assertBadMask("motion.masks[1].x", new RegionRequest(null, 0.1, 0.2, 0.2));
        assertBadMask("motion.masks[1].x", new RegionRequest(-0.1, 0.1, 0.2, 0.2));
        assertBadMask("motion.masks[1].x", new RegionRequest(1.0, 0.1, 0.2, 0.2));
        assertBadMask("motion.masks[1].y", new RegionRequest(0.1, 1.5, 0.2, 0.2));
        assertBadMask("motion.masks[1].width", new RegionRequest(0.1, 0.1, 0.0, 0.2));
        assertBadMask("motion.masks[1].width", new RegionRequest(0.9, 0.1, 0.2, 0.2));
        assertBadMask("motion.masks[1].height", new RegionRequest(0.1, 0.1, 0.2, -0.2));
        assertBadMask("motion.masks[1].height", new RegionRequest(0.1, 0.9, 0.2, 0.2));
        assertBadMask("motion.masks[1].height", new RegionRequest(0.1, 0.1, 0.2, null));
        assertThat(CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, null, null,
                List.of(good, new RegionRequest(0.0, 0.0, 1.0, 1.0))))).motion().masks()).hasSize(2);
    }

    private static void assertBadMask(String field, RegionRequest second) {
        List<RegionRequest> masks = new ArrayList<>();
        masks.add(new RegionRequest(0.1, 0.1, 0.2, 0.2));
        masks.add(second);
        assertInvalid(field, () -> CameraValidator.forCreate(events(null, null, null, new MotionRequest(null, null, null, masks))));
    }

    private static CameraRequest events(Integer preRoll, Integer postRoll, Integer maxEvent, MotionRequest motion) {
        return new CameraRequest("door", null, URL, "events", null, preRoll, postRoll, maxEvent, motion, null, null);
    }

    private static CameraRequest request(String id, String name, String url, String mode, Integer rotationSeconds) {
        return new CameraRequest(id, name, url, mode, rotationSeconds, null, null, null, null, null, null);
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
