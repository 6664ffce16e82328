package io.vigil.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The first admin, from {@code vigil.auth.bootstrap.admin-password} (a secret; {@code ./vigil up}
 * generates one and prints it itself): created at start unless a user of that name exists, so that
 * replicas and restarts change nothing. The password is never logged.
 */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void create(@Observes StartupEvent start, AuthConfig config, Users users) {
        config.bootstrap().adminPassword().ifPresent(password -> {
            if (password.length() < Users.MIN_PASSWORD) {
                throw new IllegalStateException("vigil.auth.bootstrap.admin-password must be at least " + Users.MIN_PASSWORD + " characters");
            }
            String username = config.bootstrap().adminUsername();
            if (users.createIfAbsent(username, password, Role.ADMIN)) {
                LOG.infof("created the admin user %s from vigil.auth.bootstrap", username);
            }
        });
    }
}
