package io.vigil.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class HealthAndDocsTest {

    @Test
    void readinessCoversPostgresAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cameras"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/recordings/{id}/media"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cameras/{id}/recording"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/events"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/events/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cameras/{id}/playback.m3u8"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cameras/{id}/clip.mp4"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void metricsCountPublishedConfigsAndCommands() {
        given().contentType(ContentType.JSON).body(Map.of("id", "metrics-cam", "url", "rtsp://cam.local/m"))
                .post("/api/cameras").then().statusCode(201);
        given().post("/api/cameras/metrics-cam/recording").then().statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_gateway_config_records_total{outcome=\"acked\"}"))
                .body(containsString("vigil_gateway_command_records_total{outcome=\"acked\"}"));
    }
}
