package io.vigil.contracts.kafka;

import io.vigil.contracts.CameraCommand;

public class CameraCommandDeserializer extends JsonContractDeserializer<CameraCommand> {

    public CameraCommandDeserializer() {
        super(CameraCommand.class);
    }
}
