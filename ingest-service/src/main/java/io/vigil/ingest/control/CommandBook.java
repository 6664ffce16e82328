package io.vigil.ingest.control;

import io.vigil.contracts.CameraCommand;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest manual-recording command of every camera, whichever replica runs it: the compacted
 * command topic's state. A camera that starts here (new, or taken over from a replica that died)
 * looks up whether a manual recording of it is still running.
 */
final class CommandBook {

    private final Map<String, CameraCommand> latest = new ConcurrentHashMap<>();

    void put(CameraCommand command) {
        latest.put(command.cameraId(), command);
    }

    /** A tombstone: the camera was removed. */
    void remove(String cameraId) {
        latest.remove(cameraId);
    }

    /** The camera's manual recording when one still runs at {@code now}. */
    Optional<CameraCommand> running(String cameraId, Instant now) {
        return Optional.ofNullable(latest.get(cameraId)).filter(command -> command.runningAt(now));
    }

    /** Every manual recording still running at {@code now}. */
    List<CameraCommand> running(Instant now) {
        return latest.values().stream().filter(command -> command.runningAt(now)).toList();
    }
}
