package io.vigil.contracts.kafka;

import io.vigil.contracts.ContractJson;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any contract record as JSON; null stays null (a tombstone). */
public class JsonContractSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : ContractJson.write(data);
    }
}
