package io.vigil.gateway.audit;

/** How an audited request ended, from its HTTP status. */
public final class AuditOutcome {

    public static final String SUCCEEDED = "succeeded";
    /** 401 or 403: authentication or a role refused it. */
    public static final String DENIED = "denied";
    public static final String FAILED = "failed";

    private AuditOutcome() {
    }

    public static String of(int status) {
        if (status < 400) {
            return SUCCEEDED;
        }
        return status == 401 || status == 403 ? DENIED : FAILED;
    }
}
