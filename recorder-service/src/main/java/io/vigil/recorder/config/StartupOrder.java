package io.vigil.recorder.config;

import jakarta.interceptor.Interceptor;

/** Start-up observers that must run before Quarkus Messaging starts consuming (which it does at LIBRARY_BEFORE). */
public final class StartupOrder {

    /** The volume is checked first... */
    public static final int CHECKS = Interceptor.Priority.PLATFORM_BEFORE + 100;
    /** ...then the topics are created, then the consumer starts. */
    public static final int TOPICS = Interceptor.Priority.PLATFORM_BEFORE + 200;

    private StartupOrder() {
    }
}
