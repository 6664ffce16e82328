package io.vigil.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The log scan of the system tests finds a secret wherever a log holds it: it can fail. */
class SecretScanTest {

    @Test
    void aPlantedSecretIsFoundInANestedLogAndNamedByLineNotByValue(@TempDir Path work) throws IOException {
        Files.createDirectories(work.resolve("services"));
        Files.createDirectories(work.resolve("kafka"));
        Files.writeString(work.resolve("services/api-gateway.log"), "start\nall is well\n");
        Files.writeString(work.resolve("kafka/server.log"), "a\nb\nconnecting to rtsp://vigil:door-s3cr\u00e9t@cam/door\n");
        Files.write(work.resolve("kafka/console.log"), new byte[]{(byte) 0xff, (byte) 0xfe, 'k', 'e', 'y', '-', '4', '2', '\n'});
        // not a log: the broker's partition segments (also *.log) hold camera urls, which is what vigil.camera-config is for
        Path segment = work.resolve("kafka/data/vigil.camera-config-3/00000000000000000000.log");
        Files.createDirectories(segment.getParent());
        Files.writeString(segment, "door-s3cr\u00e9t");

        SecretScan.Result result = SecretScan.scan(work, List.of("door-s3cr\u00e9t", "key-42"));

        assertThat(result.logs()).hasSize(3);
        assertThat(result.findings()).containsExactly(
                Path.of("kafka/console.log") + ":1: secret #1",
                Path.of("kafka/server.log") + ":3: secret #0");
        assertThat(String.join("\n", result.findings())).doesNotContain("s3cr");
    }

    @Test
    void cleanLogsHaveNoFindings(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("postgres.log"), "LOG:  database system is ready\n", StandardCharsets.UTF_8);

        SecretScan.Result result = SecretScan.scan(work, List.of("door-s3cret-7731"));

        assertThat(result.logs()).hasSize(1);
        assertThat(result.findings()).isEmpty();
    }
}
