package io.vigil.contracts.kafka;

import io.vigil.contracts.CameraConfig;

public class CameraConfigDeserializer extends JsonContractDeserializer<CameraConfig> {

    public CameraConfigDeserializer() {
        super(CameraConfig.class);
    }
}
