package io.vigil.contracts.kafka;

import io.vigil.contracts.CameraEvent;

public class CameraEventDeserializer extends JsonContractDeserializer<CameraEvent> {

    public CameraEventDeserializer() {
        super(CameraEvent.class);
    }
}
