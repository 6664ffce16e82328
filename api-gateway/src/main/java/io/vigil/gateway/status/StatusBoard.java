package io.vigil.gateway.status;

import io.vigil.contracts.CameraStatus;
import io.vigil.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The latest status of every camera, as read from the camera-status topic by this instance, with its recorder's file. */
@ApplicationScoped
public class StatusBoard {

    private final Map<String, CameraStatus> latest = new ConcurrentHashMap<>();
    private final RecorderBoard recorders;
    private final GatewayConfig config;

    StatusBoard(RecorderBoard recorders, GatewayConfig config) {
        this.recorders = recorders;
        this.config = config;
    }

    /** Replaces the camera's status: a record read twice leaves the same value. */
    void put(String cameraId, CameraStatus status) {
        latest.put(cameraId, status);
    }

    /** A tombstone: the camera has no running session anywhere. */
    void remove(String cameraId) {
        latest.remove(cameraId);
    }

    public StatusView view(String cameraId) {
        return StatusView.of(latest.get(cameraId), recorders.get(cameraId), Instant.now(), config.statusStaleAfter());
    }
}
