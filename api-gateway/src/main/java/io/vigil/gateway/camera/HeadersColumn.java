package io.vigil.gateway.camera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a camera's source headers as a JSON object; an empty map is stored as null. Values are secret. */
@Converter
public class HeadersColumn implements AttributeConverter<Map<String, String>, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be written as JSON", e);
        }
    }

    /** A malformed column fails loudly; the message never repeats the column (it holds secrets). */
    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        if (column == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(column, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the camera's headers column is not a JSON object of strings");
        }
    }
}
