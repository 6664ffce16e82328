package io.vigil.contracts.kafka;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
import org.apache.kafka.common.serialization.Serializer;

public class MediaPieceSerializer implements Serializer<MediaPiece> {

    @Override
    public byte[] serialize(String topic, MediaPiece data) {
        return data == null ? null : MediaPieceCodec.encode(data);
    }
}
