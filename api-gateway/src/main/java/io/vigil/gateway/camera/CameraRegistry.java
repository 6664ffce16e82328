package io.vigil.gateway.camera;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraConfig;
import io.vigil.gateway.kafka.AckedPublisher;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Camera changes: each one is written to the table and published to the config topic in one
 * transaction that commits only after Kafka acknowledged the record. If Kafka does not, the row
 * change is rolled back and the caller gets a 503, so the table never runs ahead of the topic.
 * The row lock taken before publishing keeps the records of one camera in the order of its revisions.
 */
@ApplicationScoped
public class CameraRegistry {

    private final CameraRepository cameras;
    private final CameraConfigPublisher publisher;

    CameraRegistry(CameraRepository cameras, CameraConfigPublisher publisher) {
        this.cameras = cameras;
        this.publisher = publisher;
    }

    @WithSession
    public Uni<List<Camera>> all() {
        return cameras.listAll(Sort.by("id"));
    }

    @WithSession
    public Uni<Camera> find(String id) {
        if (!CameraConfig.isValidId(id)) {
            // no such row can exist; and PostgreSQL refuses some strings (a NUL) with an error, not a miss
            return Uni.createFrom().failure(notFound(id));
        }
        return cameras.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithTransaction
    public Uni<Camera> create(CameraSpec spec) {
        return cameras.findById(spec.id())
                .onItem().ifNotNull().failWith(() -> duplicate(spec.id()))
                .chain(() -> cameras.persistAndFlush(Camera.create(spec, now())))
                // a concurrent create of the same id got there first
                .onFailure(ConstraintViolationException.class).transform(e -> duplicate(spec.id()))
                .call(camera -> published(camera, publisher.publish(camera.toConfig())));
    }

    /** A PUT that changes nothing (or only retention) keeps the revision and publishes nothing. */
    @WithTransaction
    public Uni<Camera> update(CameraSpec spec) {
        return locked(spec.id()).chain(camera -> {
            if (camera.hasSettings(spec)) {
                if (camera.hasRetention(spec)) {
                    return Uni.createFrom().item(camera);
                }
                // retention is read from the table by the indexer: nothing to publish
                camera.changeRetention(spec, now());
                return cameras.flush().replaceWith(camera);
            }
            camera.change(spec, now());
            return cameras.flush()
                    .chain(() -> published(camera, publisher.publish(camera.toConfig())))
                    .replaceWith(camera);
        });
    }

    /** The camera's row goes (its manual recording with it, by cascade) and tombstones go to its topics. */
    @WithTransaction
    public Uni<Void> delete(String id) {
        return locked(id)
                .call(camera -> cameras.delete(camera).chain(cameras::flush))
                .call(camera -> published(camera, publisher.remove(id)))
                .replaceWithVoid();
    }

    /**
     * The camera with its row locked until the current transaction ends, or a 404. Every change
     * that concerns one camera takes this lock before it publishes, so its records stay in order.
     */
    public Uni<Camera> locked(String id) {
        if (!CameraConfig.isValidId(id)) {
            return Uni.createFrom().failure(notFound(id));
        }
        return cameras.findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(() -> notFound(id));
    }

    private static Uni<Void> published(Camera camera, Uni<Void> publishing) {
        return AckedPublisher.orUnavailable(publishing, "the change of camera " + camera.id());
    }

    /** The database keeps microseconds: truncating here makes the published record equal the stored row. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException notFound(String id) {
        // the id comes from the path: repeat it only if it is a well-formed camera id
        return ProblemException.notFound(CameraConfig.isValidId(id) ? "no camera " + id : "no such camera");
    }

    private static ProblemException duplicate(String id) {
        return ProblemException.conflict("camera " + id + " already exists");
    }
}
