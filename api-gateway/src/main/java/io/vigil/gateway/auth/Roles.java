package io.vigil.gateway.auth;

/** Role names for {@code @RolesAllowed}; see {@link Role} for what includes what. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    public static final String METRICS = "metrics";

    private Roles() {
    }
}
