package io.vigil.gateway.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every answer is recorded in the audit log by {@link AuditFilters}:
 * who, the action and its target (from the path, query and response), when, from where, the status.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
    AuditAction value();
}
