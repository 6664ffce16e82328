package io.vigil.indexer.retention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.indexer.RecordingsRootResource;
import io.vigil.indexer.SampleRecording;
import io.vigil.indexer.TestClients;
import io.vigil.indexer.deletion.RecordingDeletion;
import io.vigil.indexer.volume.RecordingsConfig;
import io.vigil.indexer.volume.RecordingsRoot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention on real files and a real catalog: rows are written here as the indexer would have, the
 * files are real recordings, and a pass is run as the scheduler would (waiting while a scheduled one
 * holds the cleanup lock).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingsRootResource.class, restrictToAnnotatedClass = true)
class RetentionPassTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    RetentionPass pass;

    @Inject
    RecordingDeletion deletion;

    @Inject
    RecordingsConfig recordings;

    @Inject
    TestClients clients;

    private Connection sql;

    @BeforeEach
    void connect() throws Exception {
        sql = clients.catalog();
        try (Statement statement = sql.createStatement()) {
            statement.execute("delete from recording");
            statement.execute("delete from camera");
        }
    }

    @AfterEach
    void disconnect() throws Exception {
        sql.close();
    }

    @Test
    void recordingsOlderThanTheirCamerasRetentionGoWithTheirFilesLockedOnesStay() throws Exception {
        camera("yard", 2, null);
        String old = recording("yard", NOW.minus(Duration.ofDays(5)), false);
        String lockedOld = recording("yard", NOW.minus(Duration.ofDays(5)).plusSeconds(60), true);
        String recent = recording("yard", NOW.minus(Duration.ofHours(1)), false);
        // a camera no longer in the table keeps the default 7 days
        String removedCameraOld = recording("gone", NOW.minus(Duration.ofDays(10)), false);
        String removedCameraRecent = recording("gone", NOW.minus(Duration.ofDays(3)), false);

        RetentionPass.Result result = runPass();

        assertThat(result.expired()).isEqualTo(2);
        assertGone(old);
        assertGone(removedCameraOld);
        assertKept(lockedOld);
        assertKept(recent);
        assertKept(removedCameraRecent);
    }

    @Test
    void anImportDatedInThePastIsAsOldAsItsCataloguingNotItsMedia() throws Exception {
        camera("yard", 2, null);
        // imported just now, dated a month back: the next pass keeps it (its camera's and a removed camera's)
        String importedNow = imported("yard", NOW.minus(Duration.ofDays(30)), NOW);
        String importedNowNoCamera = imported("archive", NOW.minus(Duration.ofDays(400)), NOW);
        // imported 3 days ago (past the camera's 2 days), dated a month back: it goes
        String importedEarlier = imported("yard", NOW.minus(Duration.ofDays(30)).plusSeconds(60), NOW.minus(Duration.ofDays(3)));
        String importedEarlierNoCamera = imported("archive", NOW.minus(Duration.ofDays(400)).plusSeconds(60), NOW.minus(Duration.ofDays(8)));
        // a live recording of the same age still goes by its end
        String live = recording("yard", NOW.minus(Duration.ofDays(30)).plusSeconds(120), false);

        RetentionPass.Result result = runPass();

        assertThat(result.expired()).isEqualTo(3);
        assertKept(importedNow);
        assertKept(importedNowNoCamera);
        assertGone(importedEarlier);
        assertGone(importedEarlierNoCamera);
        assertGone(live);
    }

    @Test
    void theByteCapDeletesTheOldestUntilTheNewestFit() throws Exception {
        long size = Files.size(SampleRecording.file());
        camera("lot", 30, size * 5 / 2);
        String first = recording("lot", NOW.minus(Duration.ofHours(4)), false);
        String second = recording("lot", NOW.minus(Duration.ofHours(3)), false);
        String third = recording("lot", NOW.minus(Duration.ofHours(2)), false);
        String fourth = recording("lot", NOW.minus(Duration.ofHours(1)), false);

        assertThat(runPass().overCap()).isEqualTo(2);

        assertGone(first);
        assertGone(second);
        assertKept(third);
        assertKept(fourth);
    }

    @Test
    void aDeletionLeftMarkedByACrashIsFinished() throws Exception {
        String marked = recording("door", NOW.minus(Duration.ofHours(1)), false);
        try (PreparedStatement mark = sql.prepareStatement("update recording set deleting_since = now() where path = ?")) {
            mark.setString(1, marked);
            mark.executeUpdate();
        }

        assertThat(runPass().resumed()).isEqualTo(1);

        assertGone(marked);
    }

    @Test
    void noOrphanSurvivesAPass() throws Exception {
        String kept = recording("door", NOW.minus(Duration.ofHours(1)), false);
        String rowWithoutFile = recording("door", NOW.minus(Duration.ofHours(2)), false);
        Files.delete(file(rowWithoutFile));
        Path oldWithoutRow = SampleRecording.copyTo(root().resolve("door/2026-01-01/door_2026-01-01_10-00-00.mp4"));
        Files.writeString(journal(oldWithoutRow), "{}\n");
        Files.setLastModifiedTime(oldWithoutRow, FileTime.from(NOW.minus(Duration.ofDays(8))));
        Path recentWithoutRow = SampleRecording.copyTo(root().resolve("door/2026-01-02/door_2026-01-02_10-00-00.mp4"));
        Files.setLastModifiedTime(recentWithoutRow, FileTime.from(NOW.minus(Duration.ofDays(1))));

        RetentionPass.Result result = runPass();

        assertThat(result.orphanRows()).isEqualTo(1);
        assertThat(result.orphanFiles()).isEqualTo(1);
        assertThat(row(rowWithoutFile)).isEmpty();
        assertThat(oldWithoutRow).doesNotExist();
        assertThat(journal(oldWithoutRow)).doesNotExist();
        assertThat(recentWithoutRow).exists(); // the backfill's to catalog
        assertKept(kept);
    }

    @Test
    void aRootThatLooksUnmountedNeverWipesTheCatalog() throws Exception {
        String rowWithoutFile = recording("door", NOW.minus(Duration.ofHours(2)), false);
        Files.delete(file(rowWithoutFile));
        Path emptyMountPoint = Files.createTempDirectory("vigil-unmounted");
        OrphanSweep onEmptyRoot = new OrphanSweep(new RecordingsRoot(emptyMountPoint), deletion);

        assertThat(onEmptyRoot.removeRowsWithoutFile(sql)).isZero();
        assertThat(row(rowWithoutFile)).isPresent();

        assertThat(runPass().orphanRows()).isEqualTo(1); // on the real root (other files there) it goes
        assertThat(row(rowWithoutFile)).isEmpty();
    }

    private RetentionPass.Result runPass() {
        // a scheduled pass may hold the lock at first: then this one is skipped, and tried again
        return await().atMost(Duration.ofSeconds(30)).until(() -> pass.run(), Optional::isPresent).orElseThrow();
    }

    private void camera(String id, int days, Long bytes) throws Exception {
        try (PreparedStatement insert = sql.prepareStatement("""
                insert into camera (id, name, url, mode, rotation_seconds, revision, created_at, updated_at,
                                    retention_days, retention_bytes)
                values (?, ?, 'rtsp://cam/s', 'continuous', 900, 1, now(), now(), ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setInt(3, days);
            insert.setObject(4, bytes);
            insert.executeUpdate();
        }
    }

    /** A real file and its row (and a journal beside it), as the indexer would have catalogued it. */
    private String recording(String camera, Instant start, boolean locked) throws Exception {
        String day = start.toString().substring(0, 10);
        String stamp = start.toString().substring(0, 19).replace('T', '_').replace(':', '-');
        String path = camera + "/" + day + "/" + camera + "_" + stamp + ".mp4";
        Path file = SampleRecording.copyTo(root().resolve(path));
        Files.writeString(journal(file), "{}\n");
        try (PreparedStatement insert = sql.prepareStatement("""
                insert into recording (camera_id, path, start_time, end_time, duration_ms, bytes, indexed_at, reason,
                                       retention_locked)
                values (?, ?, ?, ?, 5000, ?, now(), 'continuous', ?)""")) {
            insert.setString(1, camera);
            insert.setString(2, path);
            insert.setTimestamp(3, Timestamp.from(start));
            insert.setTimestamp(4, Timestamp.from(start.plusSeconds(SampleRecording.SECONDS)));
            insert.setLong(5, Files.size(file));
            insert.setBoolean(6, locked);
            insert.executeUpdate();
        }
        return path;
    }

    /** A recording of an import (session cause import) catalogued at {@code indexedAt}. */
    private String imported(String camera, Instant start, Instant indexedAt) throws Exception {
        String path = recording(camera, start, false);
        try (PreparedStatement update = sql.prepareStatement(
                "update recording set session_cause = 'import', indexed_at = ? where path = ?")) {
            update.setTimestamp(1, Timestamp.from(indexedAt));
            update.setString(2, path);
            update.executeUpdate();
        }
        return path;
    }

    private Optional<Long> row(String path) throws Exception {
        try (PreparedStatement query = sql.prepareStatement("select id from recording where path = ?")) {
            query.setString(1, path);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private void assertGone(String path) throws Exception {
        assertThat(row(path)).as("row of " + path).isEmpty();
        assertThat(file(path)).doesNotExist();
        assertThat(journal(file(path))).doesNotExist();
    }

    private void assertKept(String path) throws Exception {
        assertThat(row(path)).as("row of " + path).isPresent();
        assertThat(file(path)).exists();
        assertThat(Files.size(file(path))).isEqualTo(Files.size(SampleRecording.file()));
    }

    private Path root() {
        return recordings.root();
    }

    private Path file(String path) {
        return root().resolve(path);
    }

    private static Path journal(Path file) {
        return file.resolveSibling(file.getFileName() + ".pieces");
    }
}
