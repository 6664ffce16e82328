package io.vigil.indexer.volume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.contracts.RecordingReason;
import io.vigil.contracts.SessionCause;
import io.vigil.indexer.catalog.SessionOrigin;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the recorder's journal ({@code <file>.pieces}) says about a file: a header line
 * {@code {"cameraId","sessionId","codec","start","initBytes","reason","eventId","sessionCause",
 * "previousFailure","instance"}} (journals written before event recording have no reason and read as
 * continuous; those written before session causes read as unknown), then one line per piece on disk
 * {@code {"seq","offset","length","start","durationMicros"}}, and once the file is closed and
 * announced a closing line {@code {"closeReason","end"}}. A line torn by a crash ends the journal:
 * the recorder truncates the file to the last whole line's piece.
 *
 * @param start         the header's start, else the first piece's
 * @param firstSequence null when no piece was journalled
 * @param reason        why the file was recorded
 * @param eventId       the event it was recorded for, null for continuous recording
 * @param session       why the file's ingest session began
 */
public record PieceJournal(String sessionId, String codec, Instant start, Long firstSequence, Long lastSequence,
                           int pieceCount, RecordingReason reason, String eventId, SessionOrigin session) {

    private static final Logger LOG = Logger.getLogger(PieceJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The journal of {@code recording}, or empty if it has none. */
    public static Optional<PieceJournal> read(RecordingPath recording) throws IOException {
        Path journal = recording.journal();
        try (BufferedReader lines = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            JsonNode header = parse(lines.readLine());
            if (header == null || !header.hasNonNull("sessionId")) {
                throw new IOException(journal + " does not start with a journal header");
            }
            Instant start = instant(header.get("start"));
            Long first = null;
            Long last = null;
            int pieces = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode piece = parse(line);
                if (piece != null && piece.has("closeReason")) {
                    break;
                }
                if (piece == null || !piece.path("seq").isIntegralNumber()) {
                    String rest = lines.readLine();
                    if (rest != null) {
                        LOG.warnf("%s: piece line %d is unreadable; the pieces after it are not counted", journal, pieces + 1);
                    }
                    break;
                }
                first = first == null ? piece.get("seq").asLong() : first;
                last = piece.get("seq").asLong();
                start = start == null ? instant(piece.get("start")) : start;
                pieces++;
            }
            return Optional.of(new PieceJournal(header.get("sessionId").asText(), text(header.get("codec")), start, first, last, pieces,
                    reason(header.get("reason"), journal), text(header.get("eventId")),
                    new SessionOrigin(SessionCause.fromWire(text(header.get("sessionCause"))),
                            bounded(header.get("previousFailure"), 16), bounded(header.get("instance"), 255))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Instant instant(JsonNode value) {
        try {
            return value == null || !value.isTextual() ? null : Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static RecordingReason reason(JsonNode value, Path journal) {
        if (value == null || value.isNull()) {
            return RecordingReason.CONTINUOUS;
        }
        try {
            return RecordingReason.fromWire(value.asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s: unknown reason '%s', cataloged as continuous", journal, value.asText());
            return RecordingReason.CONTINUOUS;
        }
    }

    /** A text that fits its column, else nothing (a journal is trusted for the file, not for oversized labels). */
    private static String bounded(JsonNode value, int maxLength) {
        String text = text(value);
        return text == null || text.length() > maxLength ? null : text;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
