package io.vigil.gateway.status;

import io.vigil.contracts.RecorderStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The file each camera's recorder is writing, as read from the recorder-status topic by this instance. */
@ApplicationScoped
public class RecorderBoard {

    private final Map<String, RecorderStatus> latest = new ConcurrentHashMap<>();

    /** Replaces the camera's recorder status: a record read twice leaves the same value. */
    void put(String cameraId, RecorderStatus status) {
        latest.put(cameraId, status);
    }

    void remove(String cameraId) {
        latest.remove(cameraId);
    }

    /** Null when no recorder reported on the camera. */
    RecorderStatus get(String cameraId) {
        return latest.get(cameraId);
    }
}
