package io.vigil.contracts.kafka;

import io.vigil.contracts.CameraStatus;

public class CameraStatusDeserializer extends JsonContractDeserializer<CameraStatus> {

    public CameraStatusDeserializer() {
        super(CameraStatus.class);
    }
}
