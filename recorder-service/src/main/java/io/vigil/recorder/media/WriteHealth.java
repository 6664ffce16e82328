package io.vigil.recorder.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a piece cannot be written (disk full, permissions): consumption is stalled on
 * purpose then, and an operator should see why without reading the log.
 */
@Readiness
@ApplicationScoped
public class WriteHealth implements HealthCheck {

    private volatile String problem;

    void writing() {
        problem = null;
    }

    void failing(String problem) {
        this.problem = problem;
    }

    @Override
    public HealthCheckResponse call() {
        String current = problem;
        return current == null
                ? HealthCheckResponse.up("recordings volume")
                : HealthCheckResponse.named("recordings volume").down().withData("error", current).build();
    }
}
