package io.vigil.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.Trigger;
import io.vigil.devstack.RtspCameraServer;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import io.vigil.devstack.quarkus.KafkaResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pre-roll budget that holds about one GOP of the 2 Mbit/s test camera: ingest keeps running,
 * drops the oldest pre-roll, says so in the status and the metrics, and still records an event.
 */
@QuarkusTest
@TestProfile(TinyPreRollBudgetTest.TinyBudget.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
class TinyPreRollBudgetTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Pattern DROPS = Pattern.compile("vigil_ingest_preroll_dropped_pieces_total\\{camera=\"tiny-1\"} (\\S+)");
    private static RtspCameraServer cameras;

    public static final class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.ingest.pre-roll.budget", "300000");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startCameras() throws Exception {
        Path dir = Files.createDirectories(Path.of("target"));
        cameras = RtspCameraServer.start(Files.createTempDirectory(dir.toAbsolutePath(), "rtsp-"),
                List.of(TestCamera.open("yard", Scene.MOVING)));
    }

    @AfterAll
    static void stopCameras() {
        cameras.close();
    }

    @Test
    void aTinyBudgetShortensThePreRollButTheEventIsRecorded() throws Exception {
        try (IngestTopics topics = new IngestTopics(bootstrapServers)) {
            topics.send(IngestTopics.eventsConfig("tiny-1", cameras.url("yard"), 1, 5, 1));

            CameraStatus dropping = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.latestStatus("tiny-1"), status -> status != null && status.preRoll().drops() > 2);
            assertThat(dropping.preRoll().bytes()).isLessThanOrEqualTo(300_000);
            assertThat(dropping.preRoll().seconds()).isLessThan(5);
            String metrics = given().get("/q/metrics").asString();
            Matcher drops = DROPS.matcher(metrics);
            assertThat(drops.find()).as("drops metric in %s", metrics).isTrue();
            assertThat(Double.parseDouble(drops.group(1))).isPositive();
            assertThat(metrics).contains("vigil_ingest_preroll_budget_bytes 300000.0");

            Instant triggered = Instant.now();
            topics.trigger(new Trigger(Trigger.VERSION, "tiny-1", null, triggered, 1, null));
            CameraEvent ended = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.events("tiny-1").stream().filter(e -> e.type().equals(CameraEvent.EVENT_ENDED)).toList(),
                            found -> !found.isEmpty()).get(0);
            List<PieceHeader> recorded = await().pollInSameThread().atMost(PATIENCE)
                    .until(() -> topics.pieces("tiny-1").stream().map(MediaPiece::header).toList(),
                            found -> !found.isEmpty() && IngestTopics.last(found).end().equals(ended.recordingEnd()));
            assertThat(recorded).isNotEmpty().allSatisfy(header -> {
                assertThat(header.eventId()).isEqualTo(ended.eventId());
                assertThat(header.reason()).isEqualTo(RecordingReason.EXTERNAL);
            });
            assertThat(recorded.get(0).keyframe()).isTrue();
            assertThat(IngestTopics.last(recorded).end()).isAfterOrEqualTo(triggered.plusSeconds(2));
            IngestServiceTest.assertContiguous(recorded);

            topics.remove("tiny-1");
        }
    }
}
