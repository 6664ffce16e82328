package io.vigil.contracts.kafka;

import io.vigil.contracts.Trigger;

public class TriggerDeserializer extends JsonContractDeserializer<Trigger> {

    public TriggerDeserializer() {
        super(Trigger.class);
    }
}
