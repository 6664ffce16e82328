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
import static org.hamcrest.Matchers.is;

/**
 * A manual start on a volume at block: thresholds of 1 % and 2 % put any real volume there (the test
 * machine's disk is more than 2 % used), so nothing is faked but where the line is drawn.
 */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@TestProfile(StorageBlockTest.AtBlock.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class StorageBlockTest {

    public static class AtBlock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.storage.warn-percent", "1", "vigil.storage.block-percent", "2");
        }
    }

    @Test
    void aManualStartIsRefusedWith507AndCodeMinus1010() {
        given().contentType(ContentType.JSON).body("{\"id\":\"blk-cam\",\"url\":\"rtsp://cam.local/a\"}").post("/api/cameras")
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body("{}").post("/api/cameras/blk-cam/recording").then().statusCode(507)
                .contentType("application/problem+json").body("code", is(-1010)).body("status", is(507));
        given().get("/api/cameras/blk-cam").then().statusCode(200);
        given().delete("/api/cameras/blk-cam/recording").then().statusCode(404); // nothing was started
        given().get("/api/storage").then().statusCode(200).body("state", is("block")).body("blockPercent", is(2));
    }
}
