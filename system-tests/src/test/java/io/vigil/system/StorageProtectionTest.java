package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vigil.contracts.storage.VolumeUsage;
import io.vigil.devstack.Database;
import io.vigil.devstack.LocalStack;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import io.vigil.devstack.VigilService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Storage protection on a real, small file system: the recordings root is a 40 MiB tmpfs this test
 * mounts (so it needs root, as CI runs), with warn at 50 % and block at 80 %. A camera records until
 * usage crosses warn: the oldest unlocked recordings go, a locked one stays. Then the test fills the
 * volume past block with a plain file: the manual start is refused with 507 / -1010, the recorder
 * refuses pieces (a storage_full gap), and the locked recording is still intact and decodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageProtectionTest {

    private static final int TMPFS_MIB = 40;
    private static final int WARN = 50;
    private static final int BLOCK = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path recordings;
    private boolean mounted;
    private LocalStack stack;

    @BeforeAll
    void mountAndStart() throws Exception {
        assertThat(isRoot()).as("StorageProtectionTest mounts a size-limited tmpfs (mount -t tmpfs) and needs root; "
                + "run the system tests as root, as CI does").isTrue();
        Path work = Files.createDirectories(Path.of("target")).resolve("stack-storage-" + System.currentTimeMillis());
        recordings = Files.createDirectories(work.resolve("recordings"));
        run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_MIB + "M", "tmpfs", recordings.toAbsolutePath().toString());
        mounted = true;
        stack = LocalStack.builder().workDir(work).recordings(recordings)
                .camera(TestCamera.open("yard", Scene.MOVING))
                .environment("VIGIL_STORAGE_WARN_PERCENT", String.valueOf(WARN))
                .environment("VIGIL_STORAGE_BLOCK_PERCENT", String.valueOf(BLOCK))
                .environment(VigilService.INDEXER, "VIGIL_INDEXER_STORAGE_CHECK_INTERVAL", "1s")
                .environment(VigilService.RECORDER, "VIGIL_RECORDER_IDLE_CLOSE", "4s")
                .start();
        GatewayAuth.configure(stack);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    void stopAndUnmount() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (mounted) {
                run("umount", recordings.toAbsolutePath().toString());
            }
        }
    }

    @Test
    void warnDeletesTheOldestUnlockedAndBlockRefusesNewRecordingsWhileTheLockedOnePlays(@TempDir Path downloads) throws Exception {
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "yard", "url", stack.cameras().orElseThrow().url("yard"), "mode", "continuous",
                        "rotationSeconds", 10))
                .post("/api/cameras").then().statusCode(201);
        given().get("/api/storage").then().statusCode(200).body("state", equalTo("ok"))
                .body("warnPercent", equalTo(WARN)).body("blockPercent", equalTo(BLOCK));

        // the first recording is locked: storage protection must never take it
        JsonNode locked = await("a first recording").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::recordings, list -> !list.isEmpty()).get(0);
        long lockedId = locked.path("id").asLong();
        given().put("/api/recordings/{id}/lock", lockedId).then().statusCode(200).body("retentionLocked", equalTo(true));
        JsonNode second = await("a second recording").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::recordings, list -> list.size() >= 2).get(1);
        long oldestUnlocked = second.path("id").asLong();

        // a plain file takes the volume close to warn; the camera's next files cross it
        fillTo(WARN - 4, recordings.resolve("filler-1.bin"));
        await("the oldest unlocked recording deleted above warn").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/api/recordings/{id}", oldestUnlocked).statusCode() == 404);
        given().get("/api/recordings/{id}", lockedId).then().statusCode(200);
        assertThat(usedPercent()).as("back under warn once the oldest went").isLessThan(BLOCK);

        // past block: protection deletes every unlocked recording and still cannot get under it, so new
        // recordings are refused (topped up while protection frees what it can)
        for (int round = 2; round < 6 && usedPercent() < BLOCK + 5; round++) {
            fillTo(BLOCK + 10, recordings.resolve("filler-" + round + ".bin"));
            Thread.sleep(4000); // a few storage checks
        }
        await("state block").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "block".equals(given().get("/api/storage").jsonPath().getString("state")));
        given().contentType(ContentType.JSON).body("{}").post("/api/cameras/yard/recording")
                .then().statusCode(507).body("code", equalTo(-1010));
        await("a storage_full gap for the refused pieces").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> storageFullGaps("yard") > 0);

        // the locked recording is untouched: the same bytes as catalogued, and it decodes without error
        JsonNode stillThere = JSON.readTree(given().get("/api/recordings/{id}", lockedId).then().statusCode(200).extract().asString());
        byte[] media = given().get("/api/recordings/{id}/media", lockedId).then().statusCode(200).extract().asByteArray();
        assertThat((long) media.length).isEqualTo(stillThere.path("bytes").asLong()).isEqualTo(locked.path("bytes").asLong());
        Path file = Files.write(downloads.resolve("locked.mp4"), media);
        assertThat(Ffprobe.probe(file).path("streams").path(0).path("codec_name").asText()).isEqualTo("h264");
        assertThat(Ffprobe.decodeErrors(file)).as("decoding errors").isEmpty();
    }

    private List<JsonNode> recordings() throws IOException {
        String body = given().queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofHours(1)).toString())
                .get("/api/cameras/yard/recordings").then().statusCode(200).extract().asString();
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(body).forEach(list::add);
        return list;
    }

    private double usedPercent() throws IOException {
        return VolumeUsage.of(recordings).usedPercent();
    }

    /** Writes a plain file (no recording, so nothing protection may delete) until the volume is {@code percent} used. */
    private void fillTo(int percent, Path filler) throws IOException {
        VolumeUsage usage = VolumeUsage.of(recordings);
        long bytes = (long) (usage.totalBytes() * percent / 100.0) - usage.usedBytes();
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
            }
        }
    }

    private long storageFullGaps(String camera) throws Exception {
        Database database = stack.database().orElseThrow();
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement query = sql.prepareStatement("select count(*) from gap where camera_id = ? and cause = 'storage_full'")) {
            query.setString(1, camera);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor(10, TimeUnit.SECONDS);
        return "0".equals(uid);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
