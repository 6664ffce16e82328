package io.vigil.gateway.audit;

import io.vigil.gateway.auth.LoginAttempted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Every checked login, succeeded or denied, becomes an audit entry. */
@ApplicationScoped
class LoginAudit {

    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    void onLogin(@Observes LoginAttempted login) {
        audit.record(AuditEntry.login(login.username(), login.succeeded(), login.remoteAddress(), login.at()));
    }
}
