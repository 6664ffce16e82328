package io.vigil.gateway.recording;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Lock, unlock and delete on a real catalog and real files. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class RecordingLockTest {

    @ConfigProperty(name = "vigil.recordings.root")
    Path root;

    @Test
    void aLockedRecordingCannotBeDeletedUntilUnlocked() throws Exception {
        String path = "lock-cam/2025-02-01/lock-cam_2025-02-01_10-00-00.mp4";
        Path file = write(path);
        Path journal = file.resolveSibling(file.getFileName() + ".pieces");
        Files.writeString(journal, "{}\n");
        long id = TestCatalog.insertRecording("lock-cam", path, Instant.parse("2025-02-01T10:00:00Z"),
                Instant.parse("2025-02-01T10:15:00Z"), 100);

        given().get("/api/recordings/" + id).then().statusCode(200).body("retentionLocked", is(false));
        given().put("/api/recordings/" + id + "/lock").then().statusCode(200).body("retentionLocked", is(true))
                .body("id", is((int) id));
        given().put("/api/recordings/" + id + "/lock").then().statusCode(200).body("retentionLocked", is(true));
        assertThat(TestCatalog.single("select retention_locked from recording where id = ?", id)).isEqualTo("t");

        given().delete("/api/recordings/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("status", is(409));
        assertThat(file).exists();

        given().delete("/api/recordings/" + id + "/lock").then().statusCode(200).body("retentionLocked", is(false));
        given().delete("/api/recordings/" + id).then().statusCode(204);

        assertThat(file).doesNotExist();
        assertThat(journal).doesNotExist();
        assertThat(TestCatalog.single("select count(*) from recording where id = ?", id)).isEqualTo("0");
        given().get("/api/recordings/" + id).then().statusCode(404);
        given().delete("/api/recordings/" + id).then().statusCode(404);
    }

    @Test
    void unknownRecordingsAndOnesBeingDeletedAreNotFound() throws Exception {
        given().put("/api/recordings/987654321/lock").then().statusCode(404);
        given().delete("/api/recordings/987654321/lock").then().statusCode(404);
        given().delete("/api/recordings/987654321").then().statusCode(404);

        String path = "lock-cam/2025-02-02/lock-cam_2025-02-02_10-00-00.mp4";
        write(path);
        long id = TestCatalog.insertRecording("lock-cam", path, Instant.parse("2025-02-02T10:00:00Z"),
                Instant.parse("2025-02-02T10:15:00Z"), 100);
        TestCatalog.update("update recording set deleting_since = now() where id = ?", id);

        given().put("/api/recordings/" + id + "/lock").then().statusCode(404);
        given().delete("/api/recordings/" + id).then().statusCode(404);
        given().get("/api/recordings/abc/lock").then().statusCode(405);
    }

    @Test
    void aRowWhoseFileIsAlreadyGoneIsStillDeleted() {
        long id = TestCatalog.insertRecording("lock-cam", "lock-cam/2025-02-03/never-written.mp4",
                Instant.parse("2025-02-03T10:00:00Z"), Instant.parse("2025-02-03T10:15:00Z"), 100);

        given().delete("/api/recordings/" + id).then().statusCode(204);

        assertThat(TestCatalog.single("select count(*) from recording where id = ?", id)).isEqualTo("0");
    }

    private Path write(String path) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[100]);
    }
}
