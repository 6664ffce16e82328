package io.vigil.ingest.session;

import io.vigil.ingest.IngestConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSettingsTest {

    @Test
    void aBrokenCaFileStopsTheStartNamingTheProperty() throws Exception {
        Path notPem = Files.createTempFile(Path.of("target").toAbsolutePath(), "ca-", ".pem");
        Files.writeString(notPem, "not a certificate");
        assertThatThrownBy(() -> SessionSettings.cameraTrust(tls(notPem.toString(), true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vigil.ingest.tls.ca-file: " + notPem + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertThatThrownBy(() -> SessionSettings.cameraTrust(tls("/no/such/ca.pem", false)))
                .as("checked even while verification is off")
                .hasMessage("vigil.ingest.tls.ca-file: /no/such/ca.pem does not exist or is not a file");
    }

    @Test
    void verificationIsOnByDefaultAndOffLeavesTlsToFfmpeg() {
        assertThat(SessionSettings.cameraTrust(tls(null, true))).isNotNull();
        assertThat(SessionSettings.cameraTrust(tls(null, false))).isNull();
    }

    private static IngestConfig.Tls tls(String caFile, boolean verify) {
        return new IngestConfig.Tls() {
            @Override
            public Optional<String> caFile() {
                return Optional.ofNullable(caFile);
            }

            @Override
            public boolean verify() {
                return verify;
            }
        };
    }
}
