package io.vigil.gateway.camera;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CameraResourceTest {

    private static final String SECRET = "s3cret-Pa55";
    private static final String URL = "rtsp://admin:" + SECRET + "@192.168.1.20:554/stream";
    private static final String REDACTED = "rtsp://***@192.168.1.20:554/stream";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** Every body and header the API sent back in a test, checked for the password at the end. */
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @Test
    void cameraLifecycleIsStoredAndPublished() {
        Map<String, Object> door = camera("crud-door", URL);
        door.put("name", "Front door");
        door.put("mode", "continuous");
        door.put("rotationSeconds", 600);
        post(door).statusCode(201)
                .header("Location", endsWith("/api/cameras/crud-door"))
                .body("id", is("crud-door"))
                .body("name", is("Front door"))
                .body("url", is(REDACTED))
                .body("credentials", is(true))
                .body("mode", is("continuous"))
                .body("rotationSeconds", is(600))
                .body("revision", greaterThan(0L))
                .body("status.state", is("unknown"))
                .body("status.online", is(false));

        CameraConfig created = latestConfig("crud-door");
        assertThat(created.url()).as("ingest needs the real URL").isEqualTo(URL);
        assertThat(created.revision()).isPositive();
        assertThat(created.mode()).isEqualTo(CameraMode.CONTINUOUS);
        assertThat(created.rotationSeconds()).isEqualTo(600);

        get("/api/cameras/crud-door").statusCode(200).body("name", is("Front door")).body("url", is(REDACTED));
        get("/api/cameras").statusCode(200).body("id", hasItem("crud-door")).body("url", not(hasItem(URL)));

        door.put("mode", "off");
        door.put("name", "Door");
        put("crud-door", door).statusCode(200).body("mode", is("off")).body("name", is("Door"))
                .body("revision", greaterThan(created.revision()));
        CameraConfig updated = latestConfig("crud-door");
        assertThat(updated.revision()).isGreaterThan(created.revision());
        assertThat(updated.mode()).isEqualTo(CameraMode.OFF);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());

        int records = TestKafka.records(kafka, Topics.CAMERA_CONFIG, "crud-door").size();
        put("crud-door", door).statusCode(200).body("revision", is(updated.revision()));
        assertThat(TestKafka.records(kafka, Topics.CAMERA_CONFIG, "crud-door")).as("a PUT that changes nothing").hasSize(records);

        delete("crud-door").statusCode(204);
        List<ConsumerRecord<String, byte[]>> history = TestKafka.records(kafka, Topics.CAMERA_CONFIG, "crud-door");
        assertThat(history.get(history.size() - 1).value()).as("tombstone").isNull();
        get("/api/cameras/crud-door").statusCode(404).contentType("application/problem+json").body("status", is(404));
        delete("crud-door").statusCode(404);

        assertNoSecretInAnswers();
    }

    @Test
    void defaultsAreFilledIn() {
        post(camera("crud-defaults", "http://cam.local/live.m3u8")).statusCode(201)
                .body("name", is("crud-defaults"))
                .body("mode", is("continuous"))
                .body("rotationSeconds", is(900))
                .body("credentials", is(false))
                .body("url", is("http://cam.local/live.m3u8"));
    }

    @Test
    void duplicateIdIsAConflict() {
        post(camera("crud-twice", URL)).statusCode(201);
        post(camera("crud-twice", "rtsp://other/stream")).statusCode(409)
                .contentType("application/problem+json")
                .body("status", is(409));
        get("/api/cameras/crud-twice").statusCode(200).body("url", is(REDACTED));
        assertNoSecretInAnswers();
    }

    @Test
    void concurrentCreatesOfOneIdMakeOneCamera() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 4; i++) {
                String id = "crud-race-" + i;
                List<Future<Integer>> statuses = clients.invokeAll(List.of(
                        () -> post(camera(id, URL)).extract().statusCode(),
                        () -> post(camera(id, URL)).extract().statusCode()));
                assertThat(List.of(statuses.get(0).get(), statuses.get(1).get())).as(id).containsExactlyInAnyOrder(201, 409);
                assertThat(TestKafka.records(kafka, Topics.CAMERA_CONFIG, id)).as("records of " + id).hasSize(1);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void everyInvalidFieldIsNamed() {
        assertInvalid(camera(null, URL), "id");
        assertInvalid(camera("Bad_Id", URL), "id");
        assertInvalid(camera("x".repeat(64), URL), "id");
        assertInvalid(with(camera("crud-bad", URL), "name", ""), "name");
        assertInvalid(with(camera("crud-bad", URL), "name", "n".repeat(201)), "name");
        assertInvalid(camera("crud-bad", null), "url");
        assertInvalid(camera("crud-bad", "ftp://admin:" + SECRET + "@cam/x"), "url");
        assertInvalid(camera("crud-bad", "rtsp://admin:" + SECRET + "@/x"), "url");
        assertInvalid(camera("crud-bad", "not a url " + SECRET), "url");
        assertInvalid(with(camera("crud-bad", URL), "mode", "always"), "mode");
        assertInvalid(with(camera("crud-bad", URL), "rotationSeconds", 9), "rotationSeconds");
        assertInvalid(with(camera("crud-bad", URL), "rotationSeconds", 86_401), "rotationSeconds");
        assertInvalid(with(camera("crud-bad", URL), "rotationSeconds", URL), "rotationSeconds");
        get("/api/cameras/crud-bad").statusCode(404);

        post(camera("crud-valid", URL)).statusCode(201);
        Map<String, Object> other = camera("crud-other", URL);
        answers.add(given().contentType(ContentType.JSON).body(other).put("/api/cameras/crud-valid")
                .then().statusCode(400).body("field", is("id")).extract().asString());
        Map<String, Object> change = with(camera(null, URL), "rotationSeconds", 5);
        answers.add(given().contentType(ContentType.JSON).body(change).put("/api/cameras/crud-valid")
                .then().statusCode(400).body("field", is("rotationSeconds")).extract().asString());
        assertNoSecretInAnswers();
    }

    @Test
    void malformedBodiesAreBadRequests() {
        answers.add(given().contentType(ContentType.JSON).body("{\"id\":\"crud-json\", \"url\":\"" + URL + "\"")
                .post("/api/cameras").then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("title", is("Invalid request")).extract().asString());
        answers.add(given().contentType(ContentType.JSON).body("[1,2]")
                .post("/api/cameras").then().statusCode(400).contentType("application/problem+json").extract().asString());
        given().contentType(ContentType.JSON).post("/api/cameras").then().statusCode(400).body("field", is("body"));
        given().contentType(ContentType.TEXT).body("id=x").post("/api/cameras").then().statusCode(415)
                .contentType("application/problem+json");
        assertNoSecretInAnswers();
    }

    @Test
    void unknownCamerasAreNotFound() {
        get("/api/cameras/crud-nobody").statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:vigil:problem:not-found")).body("detail", is("no camera crud-nobody"))
                .body("field", nullValue());
        put("crud-nobody", camera(null, URL)).statusCode(404);
        delete("crud-nobody").statusCode(404);
        get("/api/no-such-thing").statusCode(404).contentType("application/problem+json");
    }

    private ValidatableResponse post(Map<String, Object> body) {
        return remember(given().contentType(ContentType.JSON).body(body).post("/api/cameras").then());
    }

    private ValidatableResponse put(String id, Map<String, Object> body) {
        return remember(given().contentType(ContentType.JSON).body(body).put("/api/cameras/" + id).then());
    }

    private ValidatableResponse get(String path) {
        return remember(given().get(path).then());
    }

    private ValidatableResponse delete(String id) {
        return remember(given().delete("/api/cameras/" + id).then());
    }

    private ValidatableResponse remember(ValidatableResponse response) {
        answers.add(response.extract().asString());
        answers.add(response.extract().headers().toString());
        return response;
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("type", is("urn:vigil:problem:invalid-request"))
                .body("field", is(field));
    }

    private void assertNoSecretInAnswers() {
        assertThat(answers).isNotEmpty().noneMatch(answer -> answer.contains(SECRET));
    }

    private CameraConfig latestConfig(String id) {
        List<ConsumerRecord<String, byte[]>> history = TestKafka.records(kafka, Topics.CAMERA_CONFIG, id);
        assertThat(history).as("records of " + id).isNotEmpty();
        return ContractJson.read(history.get(history.size() - 1).value(), CameraConfig.class);
    }

    private static Map<String, Object> camera(String id, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("url", url);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }
}
