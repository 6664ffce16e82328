package io.vigil.ingest.tls;

import io.vigil.devstack.TlsCertificate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CameraTrustTest {

    @Test
    void aMissingBundleSaysSo() {
        Path missing = Path.of("target", "no-such-ca.pem");
        assertThatThrownBy(() -> CameraTrust.withBundle(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + " does not exist or is not a file");
    }

    @Test
    void aFileWithoutCertificatesIsRefused() throws Exception {
        Path empty = Files.createTempFile(Path.of("target").toAbsolutePath(), "ca-", ".pem");
        Files.writeString(empty, "# no certificate here\n");
        assertThatThrownBy(() -> CameraTrust.withBundle(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void aBrokenCertificateIsNamedByItsPlaceInTheBundle() throws Exception {
        assumeTrue(TlsCertificate.available(), "openssl makes the certificate");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ca-");
        TlsCertificate good = TlsCertificate.selfSigned(dir);
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(good.certificate())
                + "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> CameraTrust.withBundle(bundle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(bundle + ": certificate 2 is not a valid X.509 certificate");
    }

    @Test
    void aBundleWithKeysAndCommentsAddsItsCertificates() throws Exception {
        assumeTrue(TlsCertificate.available(), "openssl makes the certificates");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ca-");
        TlsCertificate one = TlsCertificate.selfSigned(dir.resolve("one"));
        TlsCertificate two = TlsCertificate.selfSigned(dir.resolve("two"));
        Path bundle = dir.resolve("bundle.pem");
        // the camera's combined file (certificate and key) is a bundle too: the key is skipped
        Files.writeString(bundle, "# cameras of site A\n" + Files.readString(one.pem()) + Files.readString(two.certificate()));
        assertThat(CameraTrust.withBundle(bundle).bundledCertificates()).isEqualTo(2);
    }
}
