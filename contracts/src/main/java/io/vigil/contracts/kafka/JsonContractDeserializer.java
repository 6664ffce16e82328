package io.vigil.contracts.kafka;

import io.vigil.contracts.ContractJson;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a contract record from JSON; a tombstone stays null, a malformed value throws MalformedRecordException. */
public abstract class JsonContractDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected JsonContractDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : ContractJson.read(data, type);
    }
}
