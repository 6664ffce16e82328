package io.vigil.contracts.kafka;

import io.vigil.contracts.RecorderStatus;

public class RecorderStatusDeserializer extends JsonContractDeserializer<RecorderStatus> {

    public RecorderStatusDeserializer() {
        super(RecorderStatus.class);
    }
}
