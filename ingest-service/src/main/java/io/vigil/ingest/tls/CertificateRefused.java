package io.vigil.ingest.tls;

import javax.net.ssl.SSLException;

/** The camera's TLS certificate failed verification: not signed by a trusted CA, expired, or for another host. */
public final class CertificateRefused extends SSLException {

    public CertificateRefused(String reason, Throwable cause) {
        super("the camera's TLS certificate is not trusted: " + reason, cause);
    }
}
