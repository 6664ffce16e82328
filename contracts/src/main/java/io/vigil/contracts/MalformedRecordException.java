package io.vigil.contracts;

/** A Kafka record that does not follow its contract; it is never half-applied. */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
