package io.vigil.gateway.camera;

import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MotionSettings;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.nio.charset.StandardCharsets;

/** Stores a camera's motion settings as JSON text, in the contract's own form (ContractJson). */
@Converter
public class MotionColumn implements AttributeConverter<MotionSettings, String> {

    @Override
    public String convertToDatabaseColumn(MotionSettings motion) {
        return motion == null ? null : new String(ContractJson.write(motion), StandardCharsets.UTF_8);
    }

    /** A malformed column (a hand edit) fails loudly rather than silently turning into the defaults. */
    @Override
    public MotionSettings convertToEntityAttribute(String column) {
        return column == null ? MotionSettings.DEFAULT : ContractJson.read(column.getBytes(StandardCharsets.UTF_8), MotionSettings.class);
    }
}
