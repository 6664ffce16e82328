package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.vigil.contracts.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's API as the event-recording tests use it, as a user would: cameras, their live status,
 * events and recordings. Answers are read as JSON trees, so a test names each field it relies on.
 */
final class EventsApi {

    /** Far longer than any event here, so that one event is one file and one recording. */
    static final int ROTATION_SECONDS = 300;

    private EventsApi() {
    }

    /** Registers a camera in mode {@code events}; {@code settings} adds or overrides fields of the request. */
    static void registerEventsCamera(String id, String url, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Camera " + id);
        body.put("url", url);
        body.put("mode", "events");
        body.put("rotationSeconds", ROTATION_SECONDS);
        body.putAll(settings);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/cameras")
                .then().statusCode(201);
    }

    static JsonNode camera(String id) {
        return given().when().get("/api/cameras/{id}", id).then().statusCode(200).extract().as(JsonNode.class);
    }

    static JsonNode status(String camera) {
        return camera(camera).path("status");
    }

    /** The recording state: idle, buffering, recording, finalizing (or unknown). */
    static String state(JsonNode status) {
        return status.path("state").asText();
    }

    /** Seconds of footage the camera's pre-roll buffer holds now. */
    static double preRollHeld(JsonNode status) {
        JsonNode preRoll = status.path("preRoll");
        return preRoll.isObject() ? preRoll.path("seconds").asDouble() : status.path("preRollSeconds").asDouble();
    }

    /**
     * Waits until the camera is buffering with a full pre-roll. The buffer keeps the newest keyframe
     * piece at or before (newest - preRollSeconds) and all after it, so full means preRollSeconds up to
     * one GOP more; half a second of slack covers timestamp jitter.
     */
    static JsonNode awaitFullPreRoll(String camera, int preRollSeconds) {
        return await("camera " + camera + " buffering a full " + preRollSeconds + " s pre-roll")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(camera), s -> state(s).equals("buffering") && preRollHeld(s) >= preRollSeconds - 0.5);
    }

    /** Events of the camera overlapping [from, now + 5 min], oldest first. */
    static List<JsonNode> events(String camera, Instant from) {
        JsonNode array = given().queryParam("camera", camera)
                .queryParam("from", from.toString())
                .queryParam("to", Instant.now().plus(Duration.ofMinutes(5)).toString())
                .when().get("/api/events")
                .then().statusCode(200).extract().as(JsonNode.class);
        return sortedByStart(array);
    }

    /** Catalogued recordings of the camera overlapping [from, now + 5 min], oldest first. */
    static List<JsonNode> recordings(String camera, Instant from) {
        JsonNode array = given().queryParam("from", from.toString())
                .queryParam("to", Instant.now().plus(Duration.ofMinutes(5)).toString())
                .when().get("/api/cameras/{id}/recordings", camera)
                .then().statusCode(200).extract().as(JsonNode.class);
        return sortedByStart(array);
    }

    /** The camera's recordings that belong to one event, oldest first. */
    static List<JsonNode> recordingsOf(String camera, Instant from, String eventId) {
        return recordings(camera, from).stream().filter(r -> eventId.equals(r.path("eventId").asText(null))).toList();
    }

    /** The recording's bytes, through its media URL, into {@code dir}. */
    static Path download(JsonNode recording, Path dir) {
        long id = recording.path("id").asLong();
        byte[] media = given().when().get("/api/recordings/{id}/media", id)
                .then().statusCode(200).extract().asByteArray();
        try {
            return Files.write(dir.resolve("recording-" + id + ".mp4"), media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event's id. */
    static String id(JsonNode event) {
        return event.hasNonNull("id") ? event.path("id").asText() : event.path("eventId").asText();
    }

    static Instant start(JsonNode eventOrRecording) {
        return Instant.parse(eventOrRecording.path("start").asText());
    }

    /** The end, or null while it is open. */
    static Instant end(JsonNode eventOrRecording) {
        JsonNode end = eventOrRecording.path("end");
        return end.isTextual() ? Instant.parse(end.asText()) : null;
    }

    /** The changed area at the event's peak motion, or null when it has none. */
    static Region box(JsonNode event) {
        JsonNode box = event.path("box");
        if (!box.isObject()) {
            return null;
        }
        return new Region(box.path("x").asDouble(), box.path("y").asDouble(),
                box.path("width").asDouble(), box.path("height").asDouble());
    }

    private static List<JsonNode> sortedByStart(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        list.sort(Comparator.comparing(EventsApi::start));
        return list;
    }
}
