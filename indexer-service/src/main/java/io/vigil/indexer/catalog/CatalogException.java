package io.vigil.indexer.catalog;

/**
 * The catalog could not be read or written. {@link #isTransient()} tells an outage worth waiting
 * for (PostgreSQL down, connections lost, a serialization conflict) from a statement PostgreSQL
 * will always refuse.
 */
public class CatalogException extends Exception {

    private final boolean transientFailure;

    CatalogException(String message, Throwable cause, boolean transientFailure) {
        super(message + ": " + cause, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
