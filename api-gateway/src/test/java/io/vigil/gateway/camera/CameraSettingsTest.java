package io.vigil.gateway.camera;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Region;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/** The event settings of a camera: validated field by field, stored, shown and published in CameraConfig v2. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CameraSettingsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void settingsAreStoredShownAndPublished() {
        String body = """
                {"id":"set-yard","url":"rtsp://cam.local/yard","mode":"events","preRollSeconds":12,"postRollSeconds":30,
                 "maxEventSeconds":600,"motion":{"enabled":true,"sensitivity":70,"minAreaPercent":2.5,
                 "masks":[{"x":0.0,"y":0.0,"width":0.25,"height":0.1},{"x":0.5,"y":0.5,"width":0.5,"height":0.5}]}}""";
        long revision = given().contentType(ContentType.JSON).body(body).post("/api/cameras").then().statusCode(201)
                .body("mode", is("events"))
                .body("preRollSeconds", is(12))
                .body("postRollSeconds", is(30))
                .body("maxEventSeconds", is(600))
                .body("motion.sensitivity", is(70))
                .extract().jsonPath().getLong("revision");
        MotionSettings motion = new MotionSettings(true, 70, 2.5,
                List.of(new Region(0, 0, 0.25, 0.1), new Region(0.5, 0.5, 0.5, 0.5)));

        // read back from the table: the motion column round-trips through its JSON
        given().get("/api/cameras/set-yard").then().statusCode(200)
                .body("preRollSeconds", is(12))
                .body("postRollSeconds", is(30))
                .body("maxEventSeconds", is(600))
                .body("motion.enabled", is(true))
                .body("motion.sensitivity", is(70))
                .body("motion.minAreaPercent", is(2.5f))
                .body("motion.masks", hasSize(2))
                .body("motion.masks[0].width", is(0.25f))
                .body("motion.masks[1].x", is(0.5f));
        CameraConfig published = latestConfig("set-yard");
        assertThat(published.v()).isEqualTo(CameraConfig.VERSION);
        assertThat(published.mode()).isEqualTo(CameraMode.EVENTS);
        assertThat(published.preRollSeconds()).isEqualTo(12);
        assertThat(published.postRollSeconds()).isEqualTo(30);
        assertThat(published.maxEventSeconds()).isEqualTo(600);
        assertThat(published.motion()).isEqualTo(motion);
        assertThat(published.revision()).isEqualTo(revision);

        int records = TestKafka.records(kafka, Topics.CAMERA_CONFIG, "set-yard").size();
        given().contentType(ContentType.JSON).body(body.replace("\"id\":\"set-yard\",", "")).put("/api/cameras/set-yard")
                .then().statusCode(200).body("revision", is(revision));
        assertThat(TestKafka.records(kafka, Topics.CAMERA_CONFIG, "set-yard")).as("the same settings again").hasSize(records);

        // a PUT replaces every setting: what it leaves out takes its default again
        given().contentType(ContentType.JSON).body(Map.of("url", "rtsp://cam.local/yard", "mode", "events"))
                .put("/api/cameras/set-yard").then().statusCode(200)
                .body("revision", greaterThan(revision))
                .body("preRollSeconds", is(5))
                .body("postRollSeconds", is(10))
                .body("maxEventSeconds", is(1800))
                .body("motion.enabled", is(true))
                .body("motion.sensitivity", is(50))
                .body("motion.minAreaPercent", is(1.0f))
                .body("motion.masks", empty());
        CameraConfig reset = latestConfig("set-yard");
        assertThat(reset.preRollSeconds()).isEqualTo(5);
        assertThat(reset.motion()).isEqualTo(MotionSettings.DEFAULT);
    }

    @Test
    void defaultsAreFilledIn() {
        given().contentType(ContentType.JSON).body(Map.of("id", "set-plain", "url", "rtsp://cam.local/plain"))
                .post("/api/cameras").then().statusCode(201)
                .body("preRollSeconds", is(5))
                .body("postRollSeconds", is(10))
                .body("maxEventSeconds", is(1800))
                .body("motion.enabled", is(true))
                .body("motion.sensitivity", is(50))
                .body("motion.minAreaPercent", is(1.0f))
                .body("motion.masks", empty());
        assertThat(latestConfig("set-plain").motion()).isEqualTo(MotionSettings.DEFAULT);
    }

    @Test
    void everyBadSettingIsNamed() {
        String mask = "{\"x\":0.1,\"y\":0.1,\"width\":0.2,\"height\":0.2}";
        List<String> masks33 = Collections.nCopies(33, mask);
        Object[][] table = {
                {"\"preRollSeconds\":-1", "preRollSeconds"},
                {"\"preRollSeconds\":31", "preRollSeconds"},
                {"\"preRollSeconds\":\"five\"", "preRollSeconds"},
                {"\"postRollSeconds\":-1", "postRollSeconds"},
                {"\"postRollSeconds\":301", "postRollSeconds"},
                {"\"maxEventSeconds\":9", "maxEventSeconds"},
                {"\"maxEventSeconds\":86401", "maxEventSeconds"},
                {"\"motion\":\"on\"", "motion"},
                {"\"motion\":{\"enabled\":\"maybe\"}", "motion.enabled"},
                {"\"motion\":{\"sensitivity\":0}", "motion.sensitivity"},
                {"\"motion\":{\"sensitivity\":101}", "motion.sensitivity"},
                {"\"motion\":{\"minAreaPercent\":0.05}", "motion.minAreaPercent"},
                {"\"motion\":{\"minAreaPercent\":100.1}", "motion.minAreaPercent"},
                {"\"motion\":{\"masks\":[" + String.join(",", masks33) + "]}", "motion.masks"},
                {"\"motion\":{\"masks\":{}}", "motion.masks"},
                {"\"motion\":{\"masks\":[" + mask + ",null]}", "motion.masks[1]"},
                {"\"motion\":{\"masks\":[" + mask + ",{\"y\":0.1,\"width\":0.2,\"height\":0.2}]}", "motion.masks[1].x"},
                {"\"motion\":{\"masks\":[" + mask + ",{\"x\":\"left\",\"y\":0.1,\"width\":0.2,\"height\":0.2}]}", "motion.masks[1].x"},
                {"\"motion\":{\"masks\":[" + mask + ",{\"x\":-0.1,\"y\":0.1,\"width\":0.2,\"height\":0.2}]}", "motion.masks[1].x"},
                {"\"motion\":{\"masks\":[" + mask + "," + mask + ",{\"x\":0.1,\"y\":1,\"width\":0.2,\"height\":0.2}]}", "motion.masks[2].y"},
                {"\"motion\":{\"masks\":[" + mask + "," + mask + ",{\"x\":0.9,\"y\":0.1,\"width\":0.2,\"height\":0.2}]}", "motion.masks[2].width"},
                {"\"motion\":{\"masks\":[" + mask + "," + mask + ",{\"x\":0.1,\"y\":0.1,\"width\":0,\"height\":0.2}]}", "motion.masks[2].width"},
                {"\"motion\":{\"masks\":[" + mask + ",{\"x\":0.1,\"y\":0.5,\"width\":0.2,\"height\":0.6}]}", "motion.masks[1].height"},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] row : table) {
            String body = "{\"id\":\"set-bad\",\"url\":\"rtsp://cam.local/bad\"," + row[0] + "}";
            var answer = given().contentType(ContentType.JSON).body(body).post("/api/cameras").then().extract();
            if (answer.statusCode() != 400 || !row[1].equals(answer.jsonPath().getString("field"))
                    || !"application/problem+json".equals(answer.contentType())) {
                wrong.add(row[0] + " -> " + answer.statusCode() + " " + answer.asString());
            }
        }
        assertThat(wrong).as("answers not naming the field").isEmpty();
        given().get("/api/cameras/set-bad").then().statusCode(404);
    }

    private CameraConfig latestConfig(String id) {
        List<ConsumerRecord<String, byte[]>> history = TestKafka.records(kafka, Topics.CAMERA_CONFIG, id);
        assertThat(history).as("records of " + id).isNotEmpty();
        return ContractJson.read(history.get(history.size() - 1).value(), CameraConfig.class);
    }
}
