package io.vigil.gateway.storage;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** A manual start on a volume at warn (thresholds 1 % and 99 %): it starts, and says so with code -1008. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@TestProfile(StorageWarnTest.AtWarn.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class StorageWarnTest {

    public static class AtWarn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.storage.warn-percent", "1", "vigil.storage.block-percent", "99");
        }
    }

    @Test
    void aManualStartSucceedsWithAWarning() {
        given().contentType(ContentType.JSON).body("{\"id\":\"wrn-cam\",\"url\":\"rtsp://cam.local/a\"}").post("/api/cameras")
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body("{}").post("/api/cameras/wrn-cam/recording").then().statusCode(201)
                .body("cameraId", is("wrn-cam")).body("eventId", notNullValue())
                .body("warning.code", is(-1008)).body("warning.message", containsString("warn threshold of 1 %"));
        given().get("/api/storage").then().statusCode(200).body("state", is("warn"));
    }
}
