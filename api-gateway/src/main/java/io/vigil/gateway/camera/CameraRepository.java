package io.vigil.gateway.camera;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CameraRepository implements PanacheRepositoryBase<Camera, String> {

    /**
     * Blocks every camera write until the current transaction ends, while plain reads go on: the
     * config topic is compared with a table that cannot change underneath.
     */
    Uni<Void> lockAgainstWrites() {
        return getSession()
                .chain(session -> session.createNativeQuery("lock table camera in exclusive mode").executeUpdate())
                .replaceWithVoid();
    }
}
