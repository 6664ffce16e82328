package io.vigil.contracts.kafka;

import io.vigil.contracts.StorageEvent;

public class StorageEventDeserializer extends JsonContractDeserializer<StorageEvent> {

    public StorageEventDeserializer() {
        super(StorageEvent.class);
    }
}
