package io.vigil.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack without the services (their packages belong to other modules; system-tests runs them all). */
class LocalStackTest {

    @TempDir
    Path workDir;

    @Test
    void startsTheInfrastructureAndStopsItAll() throws Exception {
        RtspCameraServer cameras;
        KafkaBroker kafka;
        try (LocalStack stack = LocalStack.builder().workDir(workDir).services().camera(TestCamera.open("lobby", Scene.STILL)).start()) {
            kafka = stack.kafka();
            cameras = stack.cameras().orElseThrow();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            assertThat(cameras.url("lobby")).startsWith("rtsp://127.0.0.1:");
            assertThat(stack.database()).as("no service needs the catalog").isEmpty();
            assertThat(stack.recordings()).isEqualTo(workDir.resolve("recordings")).isDirectory();
            assertThat(Files.exists(workDir.resolve("kafka/server.log"))).isTrue();
            assertThatThrownBy(() -> stack.service(VigilService.INGEST)).hasMessageContaining("not part of this stack");
        }
        assertThat(kafka.isRunning()).isFalse();
        assertThat(cameras.isRunning()).isFalse();
    }

    @Test
    void stopsWhatItStartedWhenAServiceCannotStart() throws Exception {
        Path emptyRepository = workDir.resolve("repository");
        assertThatThrownBy(() -> LocalStack.builder().workDir(workDir).repository(emptyRepository)
                .services(VigilService.RECORDER).start())
                .hasMessageContaining("recorder-service is not packaged");
        // the broker started before the failure is gone again: nothing answers on its port
        Properties server = new Properties();
        try (var in = Files.newInputStream(workDir.resolve("kafka/server.properties"))) {
            server.load(in);
        }
        int port = Integer.parseInt(server.getProperty("advertised.listeners").replaceAll(".*:", ""));
        assertThat(FreePorts.isOpen(port)).isFalse();
    }

    @Test
    void refusesTheDemoCameraWithoutTheGateway() {
        assertThatThrownBy(() -> LocalStack.builder().workDir(workDir).services(VigilService.INGEST).demoCamera().start())
                .hasMessageContaining("API gateway");
    }
}
