package io.vigil.recorder.announce;

/** A closed recording could not be announced (Kafka unreachable, timeout). */
public class AnnouncementFailedException extends RuntimeException {

    public AnnouncementFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
