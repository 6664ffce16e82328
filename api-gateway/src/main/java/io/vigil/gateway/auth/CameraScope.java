package io.vigil.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.contracts.CameraConfig;
import io.vigil.gateway.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The cameras the current caller may see. Outside them a camera, and whatever belongs to it (recordings,
 * events, imports), does not exist: 404 and left out of lists, so that camera ids do not leak.
 * Call {@link #current()} on the request's own thread, before the reactive chain moves on.
 */
@ApplicationScoped
public class CameraScope {

    /** The identity attribute holding the {@link Grant}'s cameras (absent: every camera). */
    public static final String ATTRIBUTE = "vigil.cameras";

    private final SecurityIdentity identity;

    CameraScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's cameras as a test, taken now. */
    public Predicate<String> current() {
        Set<String> cameras = identity.getAttribute(ATTRIBUTE);
        return cameras == null ? camera -> true : cameras::contains;
    }

    /** Fails with the same 404 as a camera that does not exist when the caller may not see this one. */
    public void require(String cameraId) {
        if (!current().test(cameraId)) {
            throw notFound(cameraId);
        }
    }

    /** The 404 of a camera outside the scope: word for word that of a camera that does not exist. */
    public static ProblemException notFound(String cameraId) {
        return ProblemException.notFound(CameraConfig.isValidId(cameraId) ? "no camera " + cameraId : "no such camera");
    }

    /** True when the caller sees every camera. */
    public boolean unlimited() {
        return identity.getAttribute(ATTRIBUTE) == null;
    }

    /** The caller's cameras, or null for every camera. */
    public Set<String> cameras() {
        return identity.getAttribute(ATTRIBUTE);
    }
}
