package io.vigil.gateway.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do. viewer, operator and admin are ranked (each includes the ones before it);
 * metrics is apart: it reads /q/metrics and nothing else (for a Prometheus scraper's key).
 */
public enum Role {
    METRICS(Set.of(Roles.METRICS)),
    VIEWER(Set.of(Roles.VIEWER)),
    OPERATOR(Set.of(Roles.VIEWER, Roles.OPERATOR)),
    ADMIN(Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN, Roles.METRICS));

    private final Set<String> granted;

    Role(Set<String> granted) {
        this.granted = granted;
    }

    /** The names {@code @RolesAllowed} checks: the role and every role it includes. */
    public Set<String> granted() {
        return granted;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equals(id)).findFirst();
    }

    /** The highest of the ranked roles named (JWT groups), metrics only if nothing ranked is named. */
    public static Optional<Role> highest(Iterable<String> names) {
        Role best = null;
        for (String name : names) {
            Role role = of(name).orElse(null);
            if (role != null && (best == null || role.ordinal() > best.ordinal())) {
                best = role;
            }
        }
        return Optional.ofNullable(best);
    }
}
