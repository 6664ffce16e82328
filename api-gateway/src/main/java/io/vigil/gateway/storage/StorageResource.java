package io.vigil.gateway.storage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigil.gateway.auth.CameraScope;
import io.vigil.gateway.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/storage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "storage")
public class StorageResource {

    /** Rows being deleted are gone already, as everywhere else. */
    private static final String PER_CAMERA = """
            select r.cameraId, sum(r.bytes), count(r) from Recording r where r.deletingSince is null
            group by r.cameraId order by r.cameraId
            """;

    private final VolumeStatus volume;
    private final CameraScope scope;

    StorageResource(VolumeStatus volume, CameraScope scope) {
        this.volume = volume;
        this.scope = scope;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The recordings volume: size, usage, thresholds, state, and bytes per camera")
    public Uni<StorageView> get() {
        var visible = scope.current();
        VolumeStatus.Reading reading = volume.read();
        return Panache.getSession().chain(session -> session.createSelectionQuery(PER_CAMERA, Object[].class).getResultList())
                .map(rows -> view(reading, rows.stream()
                        .filter(row -> visible.test((String) row[0]))
                        .map(row -> new StorageView.CameraUsage((String) row[0], ((Number) row[1]).longValue(),
                                ((Number) row[2]).longValue()))
                        .toList()));
    }

    private StorageView view(VolumeStatus.Reading reading, List<StorageView.CameraUsage> cameras) {
        return new StorageView(reading.usage().totalBytes(), reading.usage().usedBytes(), reading.usage().freeBytes(),
                reading.usage().usedPercentRounded(), volume.thresholds().warnPercent(), volume.thresholds().blockPercent(),
                reading.state().wireName(), cameras);
    }
}
