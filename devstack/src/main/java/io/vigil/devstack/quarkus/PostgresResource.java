package io.vigil.devstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A fresh, empty PostgreSQL database for every start of this resource (so every Quarkus
 * application started in a test JVM has its own), in one cluster per test JVM.
 */
public final class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return SharedInfrastructure.newDatabase();
    }

    @Override
    public void stop() {
        // the database is left for post-mortems; the cluster and its data go when the JVM exits
    }
}
