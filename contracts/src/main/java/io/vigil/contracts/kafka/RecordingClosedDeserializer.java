package io.vigil.contracts.kafka;

import io.vigil.contracts.RecordingClosed;

public class RecordingClosedDeserializer extends JsonContractDeserializer<RecordingClosed> {

    public RecordingClosedDeserializer() {
        super(RecordingClosed.class);
    }
}
