package io.vigil.ingest.camera;

import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;

/** What one record of the camera-config topic asks for: run a camera with this configuration, or remove it. */
sealed interface CameraChange {

    String cameraId();

    record Upsert(CameraConfig config) implements CameraChange {
        @Override
        public String cameraId() {
            return config.id();
        }
    }

    record Removal(String cameraId) implements CameraChange {
    }

    /**
     * Reads a record; a tombstone (null value) is a removal.
     *
     * @throws MalformedRecordException if the record breaks the contract; the message never holds the URL
     */
    static CameraChange decode(String key, byte[] value) {
        if (!CameraConfig.isValidId(key)) {
            throw new MalformedRecordException("record key is not a valid camera id");
        }
        if (value == null) {
            return new Removal(key);
        }
        CameraConfig config = ContractJson.read(value, CameraConfig.class);
        if (!key.equals(config.id())) {
            throw new MalformedRecordException("record key " + key + " differs from the camera id in its value");
        }
        if (config.v() < 1) {
            throw new MalformedRecordException("camera config version " + config.v() + " is not supported");
        }
        if (config.url() == null || !config.url().contains("://")) {
            throw new MalformedRecordException("camera " + key + " has no stream URL");
        }
        if (config.mode() == null) {
            throw new MalformedRecordException("camera " + key + " has no mode");
        }
        if (config.rotationSeconds() < CameraConfig.MIN_ROTATION_SECONDS || config.rotationSeconds() > CameraConfig.MAX_ROTATION_SECONDS) {
            throw new MalformedRecordException("camera " + key + " has rotationSeconds " + config.rotationSeconds()
                    + " outside " + CameraConfig.MIN_ROTATION_SECONDS + ".." + CameraConfig.MAX_ROTATION_SECONDS);
        }
        return new Upsert(config);
    }
}
