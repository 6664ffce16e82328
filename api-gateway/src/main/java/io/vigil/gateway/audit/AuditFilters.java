package io.vigil.gateway.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.gateway.problem.Problem;
import io.vigil.gateway.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Writes the audit entry of every answer of an {@link Audited} resource method, before the answer
 * leaves: who (the SecurityIdentity's principal, {@code anonymous} without one), the action and its
 * target (path, query, Location of a creation), the status, and the client's address as Vert.x sees
 * it (the X-Forwarded-For address only when quarkus.http.proxy.proxy-address-forwarding says a proxy
 * is trusted). A footage answer whose entry cannot be written is replaced by a 503: the footage is
 * not served. Any other change already happened; a lost entry is logged and counted.
 */
public class AuditFilters {

    private static final Logger LOG = Logger.getLogger(AuditFilters.class);
    /** The camera of the recording a request is about, looked up before the method runs (a delete removes it). */
    private static final String RECORDING_CAMERA = "vigil.audit.recording-camera";
    /** Headers of a footage answer that must not go out with the 503 that replaces it. */
    private static final List<String> FOOTAGE_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, "Content-Range", "Accept-Ranges", ExportHeaders.ID, ExportHeaders.SHA256,
            ExportHeaders.REPR_DIGEST);

    private final AuditLog log;
    private final MediaViews views;
    private final CurrentIdentityAssociation identities;

    AuditFilters(AuditLog log, MediaViews views, CurrentIdentityAssociation identities) {
        this.log = log;
        this.views = views;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> lookUpRecordingCamera(ContainerRequestContext request, ResourceInfo resource) {
        AuditAction action = action(resource);
        Long recording = action == null || action.target() != AuditAction.Target.RECORDING ? null : recordingId(request);
        if (recording == null) {
            return Uni.createFrom().voidItem();
        }
        return log.cameraOf(recording)
                .invoke(camera -> request.setProperty(RECORDING_CAMERA, camera))
                // an unreadable catalog fails the request itself soon enough; the entry just has no camera
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                            HttpServerRequest http) {
        AuditAction action = action(resource);
        if (action == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return identities.getDeferredIdentity()
                .map(identity -> entry(action, identity, request, response, address, now))
                .chain(entry -> {
                    if (covered(action, entry, now)) {
                        return Uni.createFrom().voidItem();
                    }
                    return log.write(entry)
                            .invoke(() -> {
                                if (action == AuditAction.FOOTAGE_MEDIA && entry.recordingId() != null) {
                                    views.recorded(entry.actor(), address, entry.recordingId(), now);
                                }
                            })
                            .onFailure().recoverWithItem(e -> {
                                unwritten(action, entry, response, e);
                                return null;
                            });
                });
    }

    private boolean covered(AuditAction action, AuditEntry entry, Instant now) {
        return action == AuditAction.FOOTAGE_MEDIA && entry.recordingId() != null && entry.status() < 400
                && views.covered(entry.actor(), entry.clientAddress(), entry.recordingId(), now);
    }

    private void unwritten(AuditAction action, AuditEntry entry, ContainerResponseContext response, Throwable e) {
        if (!action.footage() || response.getStatus() >= 400) {
            LOG.errorf("audit entry %s (%s by %s, status %d) not written: %s", entry.id(), entry.action(), entry.actor(),
                    response.getStatus(), e.toString());
            return;
        }
        LOG.errorf("footage refused (%s by %s): its audit entry cannot be written: %s", entry.action(), entry.actor(), e.toString());
        if (response.getEntity() instanceof AutoCloseable unsent) {
            try {
                unsent.close();
            } catch (Exception closing) {
                LOG.warnf("cannot discard the unsent answer: %s", closing.toString());
            }
        }
        FOOTAGE_HEADERS.forEach(header -> response.getHeaders().remove(header));
        response.setStatus(ProblemType.UNAVAILABLE.status());
        response.setEntity(Problem.of(ProblemType.UNAVAILABLE,
                        "the audit log cannot be written, so no footage is served; try again later", null, null),
                new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private AuditEntry entry(AuditAction action, SecurityIdentity identity, ContainerRequestContext request,
                             ContainerResponseContext response, String address, Instant now) {
        int status = response.getStatus();
        String actor = identity == null || identity.isAnonymous() ? AuditEntry.ANONYMOUS : identity.getPrincipal().getName();
        String camera = null;
        Long recording = null;
        String target = null;
        switch (action.target()) {
            case CAMERA -> camera = action == AuditAction.CAMERA_CREATE ? created(response) : pathId(request);
            case RECORDING -> {
                recording = recordingId(request);
                camera = (String) request.getProperty(RECORDING_CAMERA);
            }
            case IMPORT -> target = action == AuditAction.IMPORT_START ? created(response) : pathId(request);
            case NONE -> { }
        }
        UUID export = null;
        String sha256 = null;
        Long bytes = null;
        String exportId = response.getHeaderString(ExportHeaders.ID);
        if (exportId != null && status < 300) {
            export = UUID.fromString(exportId);
            sha256 = response.getHeaderString(ExportHeaders.SHA256);
            bytes = Long.valueOf(response.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        }
        String detail = response.getEntity() instanceof Problem problem ? problem.detail() : null;
        return new AuditEntry(UUID.randomUUID(), now, actor, action.code(), AuditOutcome.of(status), status, camera, recording,
                instant(request, "from"), instant(request, "to"), target, address, export, sha256, bytes, detail);
    }

    private static AuditAction action(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Audited audited = resource.getResourceMethod().getAnnotation(Audited.class);
        return audited == null ? null : audited.value();
    }

    private static String pathId(ContainerRequestContext request) {
        return request.getUriInfo().getPathParameters().getFirst("id");
    }

    /** The id a creation's Location ends with; null when nothing was created. */
    private static String created(ContainerResponseContext response) {
        URI location = response.getLocation();
        if (location == null || location.getPath() == null) {
            return null;
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Long recordingId(ContainerRequestContext request) {
        try {
            return Long.valueOf(pathId(request));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The span's end as asked; null when absent or not an instant (the answer is then a 400 saying so). */
    private static Instant instant(ContainerRequestContext request, String parameter) {
        String value = request.getUriInfo().getQueryParameters().getFirst(parameter);
        try {
            return value == null ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
