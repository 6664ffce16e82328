package io.vigil.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.devstack.TlsCertificate;

import java.nio.file.Path;
import java.util.Map;

/**
 * The certificate the service trusts for cameras: made before the service starts, since it checks
 * {@code vigil.ingest.tls.ca-file} at start-up, and served by the trusted RTSPS test camera. Any other
 * self-signed certificate is untrusted. Without openssl nothing is set and the RTSPS tests are skipped.
 */
public final class CameraCertificates implements QuarkusTestResourceLifecycleManager {

    private static final Path DIR = Path.of("target", "camera-tls").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        if (!TlsCertificate.available()) {
            return Map.of();
        }
        return Map.of("vigil.ingest.tls.ca-file", TlsCertificate.selfSigned(DIR).certificate().toString());
    }

    @Override
    public void stop() {
        // the files stay in target/ for a look after the run
    }

    /** The certificate in the service's CA file. */
    static TlsCertificate trusted() {
        return TlsCertificate.in(DIR);
    }
}
