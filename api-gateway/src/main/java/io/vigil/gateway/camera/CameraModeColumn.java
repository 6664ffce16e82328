package io.vigil.gateway.camera;

import io.vigil.contracts.CameraMode;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a camera mode by its wire name ({@code continuous}), the same word the API and Kafka use. */
@Converter
public class CameraModeColumn implements AttributeConverter<CameraMode, String> {

    @Override
    public String convertToDatabaseColumn(CameraMode mode) {
        return mode == null ? null : mode.wireName();
    }

    @Override
    public CameraMode convertToEntityAttribute(String column) {
        return column == null ? null : CameraMode.fromWire(column);
    }
}
