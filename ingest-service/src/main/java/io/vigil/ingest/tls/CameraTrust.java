package io.vigil.ingest.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a camera's TLS certificate must be signed by: the JDK's default trust store, plus the CA
 * certificates of an optional PEM bundle. The camera's host name or IP address must match the
 * certificate (HTTPS endpoint identification, which reads IP subject alternative names for an IP).
 */
public final class CameraTrust {

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private final SSLContext context;
    private final int bundled;

    private CameraTrust(List<X509Certificate> extra) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultAnchors()) {
                anchors.setCertificateEntry("jdk-" + n++, ca);
            }
            n = 0;
            for (X509Certificate ca : extra) {
                anchors.setCertificateEntry("bundle-" + n++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for cameras: " + e.getMessage(), e);
        }
        this.bundled = extra.size();
    }

    /** The JDK's trust store alone. */
    public static CameraTrust jdkDefault() {
        return new CameraTrust(List.of());
    }

    /**
     * The JDK's trust store plus every certificate of the PEM file {@code bundle}.
     *
     * @throws IllegalArgumentException saying what is wrong with the file (missing, unreadable, no certificate, a bad one)
     */
    public static CameraTrust withBundle(Path bundle) {
        return new CameraTrust(readBundle(bundle));
    }

    /** How many certificates the bundle added. */
    public int bundledCertificates() {
        return bundled;
    }

    static List<X509Certificate> readBundle(Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalArgumentException(bundle + " does not exist or is not a file");
        }
        String text;
        try {
            text = Files.readString(bundle, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(bundle + " cannot be read: " + e.getMessage(), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_CERTIFICATE.matcher(text);
        while (block.find()) {
            int number = certificates.size() + 1;
            try {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1));
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | IllegalArgumentException e) {
                throw new IllegalArgumentException(bundle + ": certificate " + number + " is not a valid X.509 certificate: "
                        + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(bundle + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /**
     * A TLS connection to the camera, its handshake completed, so its certificate is verified before
     * a byte of RTSP is sent. Connect and handshake each wait at most {@code timeout}.
     *
     * @throws CertificateRefused when the certificate is not trusted, expired or names another host
     * @throws IOException        when the camera cannot be reached or the handshake fails otherwise
     */
    public SSLSocket connect(String host, int port, Duration timeout) throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(host, port), millis);
            tcp.setTcpNoDelay(true);
            tcp.setSoTimeout(millis);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            // reads wait as long as FFmpeg does: it closes its side when the camera goes silent
            tls.setSoTimeout(0);
            return tls;
        } catch (SSLHandshakeException e) {
            tcp.close();
            CertificateException refused = certificateProblem(e);
            if (refused != null) {
                throw new CertificateRefused(reason(refused), e);
            }
            throw new SSLException("the TLS handshake with the camera failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    private static CertificateException certificateProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException certificate) {
                return certificate;
            }
        }
        return null;
    }

    /** What is wrong, in the words of the innermost cause, with a hint where the fix is. */
    static String reason(Throwable error) {
        Throwable innermost = error;
        boolean untrustedIssuer = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return "it is not valid now (" + cause.getMessage() + ")";
            }
            untrustedIssuer |= cause instanceof CertPathValidatorException || cause instanceof CertPathBuilderException;
            if (cause.getMessage() != null) {
                innermost = cause;
            }
        }
        return innermost.getMessage() + (untrustedIssuer
                ? " (its issuer is in neither the JDK's trust store nor vigil.ingest.tls.ca-file)" : "");
    }

    private static List<X509Certificate> defaultAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> anchors = new ArrayList<>();
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                anchors.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return anchors;
    }
}
