package io.vigil.gateway.imports;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ImportRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** The newest imports first. */
    Uni<List<ImportJob>> newest(int limit) {
        return find("order by createdAt desc").page(0, limit).list();
    }
}
