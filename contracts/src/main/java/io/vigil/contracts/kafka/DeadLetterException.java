package io.vigil.contracts.kafka;

/** Kafka did not store a dead letter; {@link #retriable()} says whether trying again may help. */
public final class DeadLetterException extends Exception {

    private final boolean retriable;

    DeadLetterException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
