package io.vigil.indexer.volume;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The start time written in a recording's name, {@code <camera>_<yyyy-MM-dd_HH-mm-ss>.mp4}, in UTC. */
public final class RecordingFileName {

    private static final Pattern STAMP = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2})[^/]*\\.mp4$");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd_HH-mm-ss");

    private RecordingFileName() {
    }

    /** The UTC start the name states, or empty when the name follows another pattern. */
    public static Optional<Instant> start(RecordingPath path) {
        Matcher stamp = STAMP.matcher(path.file().getFileName().toString());
        if (!stamp.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(stamp.group(1), FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // digits in the right places, but no such moment (month 13)
        }
    }
}
