package io.vigil.gateway.manual;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.CameraMode;
import io.vigil.gateway.camera.Camera;
import io.vigil.gateway.camera.CameraRegistry;
import io.vigil.gateway.kafka.AckedPublisher;
import io.vigil.gateway.problem.ErrorCodes;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Manual recordings: each start and stop is written to {@code manual_recording} and published as a
 * {@link CameraCommand} in one transaction that commits only after Kafka acknowledged the command
 * (else 503 and nothing stored), like camera changes in {@link CameraRegistry}.
 * <p>
 * Every start and stop first locks the camera's row ({@code select ... for update}): the manual row
 * may not exist yet, the camera's always does. So two concurrent starts cannot both win (the second
 * waits, then sees the first running), commands reach Kafka in the order of the rows, and a camera
 * cannot be switched off or removed halfway through a start.
 */
@ApplicationScoped
public class ManualRecordings {

    private final CameraRegistry cameras;
    private final ManualRecordingRepository recordings;
    private final CameraCommandPublisher publisher;

    ManualRecordings(CameraRegistry cameras, ManualRecordingRepository recordings, CameraCommandPublisher publisher) {
        this.cameras = cameras;
        this.recordings = recordings;
        this.publisher = publisher;
    }

    /** @param duration null: until stopped */
    @WithTransaction
    public Uni<ManualRecording> start(String cameraId, Duration duration) {
        return cameras.locked(cameraId)
                .invoke(ManualRecordings::requireRecordingMode)
                .chain(() -> recordings.findById(cameraId))
                .chain(row -> {
                    Instant now = now();
                    if (row != null && row.runningAt(now)) {
                        throw ProblemException.conflict("a manual recording already runs on camera " + cameraId)
                                .withCode(ErrorCodes.MANUAL_RECORDING_RUNNING)
                                .withEventId(row.eventId());
                    }
                    ManualRecording started = (row == null ? new ManualRecording(cameraId) : row)
                            .start(UUID.randomUUID().toString(), now, duration == null ? null : now.plus(duration));
                    CameraCommand command = new CameraCommand(CameraCommand.VERSION, cameraId, CameraCommand.Action.START,
                            started.eventId(), started.startedAt(), started.until());
                    return (row == null ? recordings.persist(started) : Uni.createFrom().item(started))
                            .call(recordings::flush)
                            .call(() -> published(command))
                            .replaceWith(started);
                });
    }

    /** Stops the running manual recording, or answers 404 when none runs. */
    @WithTransaction
    public Uni<Void> stop(String cameraId) {
        return cameras.locked(cameraId)
                .chain(() -> recordings.findById(cameraId))
                .chain(row -> {
                    Instant now = now();
                    if (row == null || !row.runningAt(now)) {
                        throw ProblemException.notFound("no manual recording runs on camera " + cameraId);
                    }
                    row.stop(now);
                    CameraCommand command = new CameraCommand(CameraCommand.VERSION, cameraId, CameraCommand.Action.STOP,
                            row.eventId(), now, null);
                    return recordings.flush().call(() -> published(command));
                });
    }

    private static void requireRecordingMode(Camera camera) {
        if (camera.mode() == CameraMode.OFF) {
            throw ProblemException.conflict("camera " + camera.id() + " is off: set its mode to continuous or events to record");
        }
    }

    private Uni<Void> published(CameraCommand command) {
        return AckedPublisher.orUnavailable(publisher.publish(command),
                "the manual recording " + command.action().name().toLowerCase(Locale.ROOT) + " of camera " + command.cameraId());
    }

    /** The database keeps microseconds: the published command then equals the stored row. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
