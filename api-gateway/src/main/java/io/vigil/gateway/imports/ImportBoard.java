package io.vigil.gateway.imports;

import io.vigil.contracts.ImportStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The latest status event of every import, as read from vigil.import-status by this instance. */
@ApplicationScoped
public class ImportBoard {

    private final Map<String, ImportStatus> latest = new ConcurrentHashMap<>();

    /** A record read twice leaves the same value; an older one (a replica's late heartbeat) never replaces a stop. */
    void put(ImportStatus status) {
        latest.merge(status.importId(), status, (old, next) ->
                old.event() == ImportStatus.Event.STOPPED && next.event() != ImportStatus.Event.STOPPED ? old : next);
    }

    ImportStatus get(String importId) {
        return latest.get(importId);
    }
}
