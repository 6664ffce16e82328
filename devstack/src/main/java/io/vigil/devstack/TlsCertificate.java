package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for 127.0.0.1, made with openssl, for the RTSPS test camera.
 *
 * @param certificate the certificate alone (PEM): what a client trusts, e.g. as its CA file
 * @param key         its private key (PKCS#8 PEM)
 * @param pem         certificate and key in one PEM file (GStreamer reads both from it)
 */
public record TlsCertificate(Path certificate, Path key, Path pem) {

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    /**
     * A new certificate in {@code dir}. It names 127.0.0.1 as an IP subject alternative name too:
     * hostname verification of an IP address reads only that, never the CN.
     */
    public static TlsCertificate selfSigned(Path dir) {
        if (!available()) {
            throw new IllegalStateException("/usr/bin/openssl is missing: the RTSPS test camera needs it for its certificate");
        }
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("rtsps.key");
            Path cert = dir.resolve("rtsps.crt");
            Process process = new ProcessBuilder(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl could not make the test certificate; see " + dir.resolve("openssl.log"));
            }
            Path pem = dir.resolve("rtsps.pem");
            Files.writeString(pem, Files.readString(cert) + Files.readString(key));
            return new TlsCertificate(cert, key, pem);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted making the test certificate", e);
        }
    }

    /** The certificate {@link #selfSigned} made in {@code dir} before (another process, a test resource). */
    public static TlsCertificate in(Path dir) {
        TlsCertificate made = new TlsCertificate(dir.resolve("rtsps.crt"), dir.resolve("rtsps.key"), dir.resolve("rtsps.pem"));
        if (!Files.isRegularFile(made.pem())) {
            throw new IllegalStateException("no test certificate in " + dir);
        }
        return made;
    }
}
