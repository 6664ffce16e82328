package io.vigil.devstack;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A camera of a {@link RtspCameraServer}: its mount name, first scene, and basic-auth credentials
 * ({@code user} and {@code password} both null for an open camera), and whether it is served over TLS (RTSPS).
 */
public record TestCamera(String name, Scene scene, String user, String password, boolean tls) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TestCamera {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scene, "scene");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a test camera's name must match " + NAME + " (it is the URL path): " + name);
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("test camera " + name + ": give both user and password, or neither");
        }
        if (tls && user != null) {
            throw new IllegalArgumentException("test camera " + name + ": an RTSPS camera is open (no credentials)");
        }
        if (user != null && (user.isEmpty() || user.contains(":") || password.isEmpty())) {
            throw new IllegalArgumentException("test camera " + name + ": the user must be non-empty without ':', the password non-empty");
        }
    }

    public TestCamera(String name, Scene scene, String user, String password) {
        this(name, scene, user, password, false);
    }

    public static TestCamera open(String name, Scene scene) {
        return new TestCamera(name, scene, null, null);
    }

    /** A camera served as rtsps:// with a self-signed certificate, on a server of its own. */
    public static TestCamera overTls(String name, Scene scene) {
        return new TestCamera(name, scene, null, null, true);
    }

    public static TestCamera withPassword(String name, Scene scene, String user, String password) {
        return new TestCamera(name, scene, user, password);
    }

    public boolean isProtected() {
        return user != null;
    }

    /** Without the password, so that it never reaches a log. */
    @Override
    public String toString() {
        return "TestCamera[" + name + ", " + scene + (isProtected() ? ", user " + user + ", password ***" : "") + "]";
    }
}
