package io.vigil.gateway.auth;

import io.vigil.gateway.problem.ProblemException;

import java.util.List;
import java.util.Set;

/** Checks of a role and camera list as users and keys are given them. */
final class Scopes {

    private static final java.util.regex.Pattern CAMERA_ID = java.util.regex.Pattern.compile("[a-z0-9-]{1,63}");

    private Scopes() {
    }

    static Role role(String role, boolean metricsAllowed) {
        Role parsed = role == null ? null : Role.of(role).orElse(null);
        if (parsed == null || (parsed == Role.METRICS && !metricsAllowed)) {
            throw ProblemException.invalid("role", "role must be one of viewer, operator, admin"
                    + (metricsAllowed ? ", metrics" : ""));
        }
        return parsed;
    }

    /** Null stays null (every camera); an admin is never limited: admins manage the cameras themselves. */
    static Set<String> cameras(List<String> cameras, Role role) {
        if (cameras == null) {
            return null;
        }
        if (role == Role.ADMIN) {
            throw ProblemException.invalid("cameras", "an admin sees every camera: leave cameras out");
        }
        for (int i = 0; i < cameras.size(); i++) {
            String id = cameras.get(i);
            if (id == null || !CAMERA_ID.matcher(id).matches()) {
                throw ProblemException.invalid("cameras[" + i + "]", "a camera id is 1 to 63 of a-z, 0-9 and -");
            }
        }
        return Grant.cameras(cameras);
    }
}
