package io.vigil.contracts.kafka;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
import org.apache.kafka.common.serialization.Deserializer;

/** Decodes a media record; a malformed one throws MalformedRecordException. */
public class MediaPieceDeserializer implements Deserializer<MediaPiece> {

    @Override
    public MediaPiece deserialize(String topic, byte[] data) {
        return MediaPieceCodec.decode(data);
    }
}
