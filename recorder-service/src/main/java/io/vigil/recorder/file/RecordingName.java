package io.vigil.recorder.file;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a recording lives on the volume: {@code <camera>/<yyyy-MM-dd>/<camera>_<yyyy-MM-dd_HH-mm-ss>.mp4},
 * named after the UTC start of its first piece. Two files starting in the same second get a suffix
 * ({@code _1}, {@code _2}...) instead of overwriting each other.
 *
 * @param start  the first piece's start, truncated to the second, UTC
 * @param suffix 0 for the plain name, n for {@code _n}
 */
public record RecordingName(String cameraId, LocalDateTime start, int suffix) {

    public static final String MEDIA_EXTENSION = ".mp4";
    public static final String JOURNAL_EXTENSION = ".mp4.pieces";

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");
    private static final Pattern JOURNAL_NAME =
            Pattern.compile("(.+)_(\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2})(?:_(\\d{1,9}))?\\.mp4\\.pieces");

    /** Oldest first: by start, then by suffix (so {@code _10} comes after {@code _9}). */
    public static final Comparator<RecordingName> CHRONOLOGICAL =
            Comparator.comparing(RecordingName::start).thenComparingInt(RecordingName::suffix);

    public static RecordingName of(String cameraId, Instant start) {
        return new RecordingName(cameraId, LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC), 0);
    }

    /** The name of a journal written for {@code cameraId}, or empty if the file is something else. */
    public static Optional<RecordingName> ofJournal(String cameraId, String fileName) {
        Matcher m = JOURNAL_NAME.matcher(fileName);
        if (!m.matches() || !m.group(1).equals(cameraId)) {
            return Optional.empty();
        }
        try {
            int suffix = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return Optional.of(new RecordingName(cameraId, LocalDateTime.parse(m.group(2), STAMP), suffix));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The same start with the next free-looking suffix, for a name already taken. */
    public RecordingName next() {
        return new RecordingName(cameraId, start, suffix + 1);
    }

    /** Relative to the recordings root, with '/' whatever the platform: the path other services see. */
    public String relativePath() {
        return cameraId + "/" + start.format(DAY) + "/" + fileName();
    }

    public Path media(Path root) {
        return root.resolve(cameraId).resolve(start.format(DAY)).resolve(fileName());
    }

    public Path journal(Path root) {
        return root.resolve(cameraId).resolve(start.format(DAY)).resolve(baseName() + JOURNAL_EXTENSION);
    }

    private String fileName() {
        return baseName() + MEDIA_EXTENSION;
    }

    private String baseName() {
        return cameraId + "_" + start.format(STAMP) + (suffix == 0 ? "" : "_" + suffix);
    }
}
