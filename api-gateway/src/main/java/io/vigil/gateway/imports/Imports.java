package io.vigil.gateway.imports;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraUrls;
import io.vigil.contracts.ImportCommand;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.kafka.AckedPublisher;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Imports: each start and cancel is written to {@code import_job} and published on vigil.imports in one
 * transaction that commits only once Kafka acknowledged (else 503 and nothing stored). The gateway never
 * calls ingest: the instance that consumes the command runs the import and reports on vigil.import-status.
 */
@ApplicationScoped
public class Imports {

    static final int LIST_LIMIT = 100;

    private final ImportRepository jobs;
    private final ImportCommandPublisher publisher;
    private final ImportBoard board;
    private final Duration lostAfter;

    Imports(ImportRepository jobs, ImportCommandPublisher publisher, ImportBoard board, GatewayConfig config) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.board = board;
        this.lostAfter = config.importLostAfter();
    }

    private ImportView view(ImportJob job) {
        return ImportView.of(job, board.get(job.id().toString()), Instant.now(), lostAfter);
    }

    @WithTransaction
    public Uni<ImportView> start(ImportRequest request) {
        UUID id = UUID.randomUUID();
        ImportSpec spec = ImportValidator.validate(request, id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ImportJob job = new ImportJob(id, spec, CameraUrls.redact(spec.url()), now);
        ImportCommand command = new ImportCommand(ImportCommand.VERSION, ImportCommand.Action.START, id.toString(),
                spec.url(), spec.headers(), spec.variant(), spec.cameraId(), spec.start(), now);
        return jobs.persist(job).call(jobs::flush)
                .call(() -> AckedPublisher.orUnavailable(publisher.publish(command), "the import " + id))
                .map(this::view);
    }

    @WithSession
    public Uni<ImportView> get(String id) {
        return find(id).map(this::view);
    }

    @WithSession
    public Uni<List<ImportView>> list() {
        return jobs.newest(LIST_LIMIT)
                .map(found -> found.stream().map(this::view).toList());
    }

    /** Sends the cancel; the import stops within seconds and keeps what it copied. 409 once it stopped. */
    @WithTransaction
    public Uni<ImportView> cancel(String id) {
        return find(id).chain(job -> {
            ImportView now = view(job);
            if (now.stopped()) {
                throw ProblemException.conflict("import " + id + " already stopped (" + now.state() + ")");
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            job.cancelRequested(at);
            return jobs.flush()
                    .call(() -> AckedPublisher.orUnavailable(publisher.publish(ImportCommand.cancel(id, at)), "the cancel of import " + id))
                    .map(done -> view(job));
        });
    }

    private Uni<ImportJob> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("no import " + id));
        }
        return jobs.findById(uuid).onItem().ifNull().failWith(() -> ProblemException.notFound("no import " + id));
    }
}
