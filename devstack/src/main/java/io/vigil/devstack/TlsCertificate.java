package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away self-signed certificate for 127.0.0.1, made with openssl, for the RTSPS test camera. */
public final class TlsCertificate {

    private TlsCertificate() {
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    /** Certificate and private key in one PEM file in {@code dir} (GStreamer reads both from it). */
    static Path selfSigned(Path dir) {
        if (!available()) {
            throw new IllegalStateException("/usr/bin/openssl is missing: the RTSPS test camera needs it for its certificate");
        }
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve("rtsps.key");
            Path cert = dir.resolve("rtsps.crt");
            Process process = new ProcessBuilder(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl could not make the test certificate; see " + dir.resolve("openssl.log"));
            }
            Path pem = dir.resolve("rtsps.pem");
            Files.writeString(pem, Files.readString(cert) + Files.readString(key));
            return pem;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted making the test certificate", e);
        }
    }
}
