package io.vigil.indexer.catalog;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs a Hibernate Reactive call from a worker thread and blocks until PostgreSQL answers: the
 * indexer's callers handle one record at a time and must know it is committed before they go on.
 */
public final class CatalogCalls {

    private CatalogCalls() {
    }

    /** @throws CatalogException saying {@code failure}, transient or not by PostgreSQL's verdict */
    public static <T> T await(String failure, Supplier<Uni<T>> work) throws CatalogException {
        try {
            // Hibernate Reactive runs on a Vert.x context; this lends one to the calling worker thread
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new CatalogException(failure, e, FailureKind.isTransient(e));
        }
    }
}
