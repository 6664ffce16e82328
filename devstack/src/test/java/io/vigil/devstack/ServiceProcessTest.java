package io.vigil.devstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    @TempDir
    static Path workDir;
    static Path jar;

    /** A runnable jar of {@link HealthyProgram}, laid out like quarkus-run.jar: a manifest pointing at the classes. */
    @BeforeAll
    static void packageHealthyProgram() throws IOException, URISyntaxException {
        Path classes = Path.of(HealthyProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthyProgram.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        jar = workDir.resolve("quarkus-run.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }

    @Test
    void startsWithItsEnvironmentAndWaitsUntilReady() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("healthy", jar, 0, Map.of("VIGIL_GREETING", "hello"), workDir.resolve("a.log"))) {
            assertThat(service.isRunning()).isTrue();
            assertThat(get(service.url() + "/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(service.url() + "/env/VIGIL_GREETING").body()).isEqualTo("hello");
            assertThat(get(service.url() + "/env/QUARKUS_HTTP_PORT").body()).isEqualTo(String.valueOf(service.port()));
            assertThat(Files.readString(service.log())).contains("listening");
        }
    }

    @Test
    void stopsKillsAndComesBackOnTheSamePort() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("healthy", jar, 0, Map.of(), workDir.resolve("b.log"))) {
            String url = service.url();
            service.kill();
            assertThat(service.isRunning()).isFalse();
            assertThatThrownBy(() -> get(url + "/q/health/ready")).isInstanceOf(IOException.class);

            service.start();
            assertThat(service.url()).isEqualTo(url);
            assertThat(get(url + "/q/health/ready").statusCode()).isEqualTo(200);

            service.stop();
            assertThat(service.isRunning()).isFalse();
        }
    }

    @Test
    void namesTheMissingPackage() {
        assertThatThrownBy(() -> ServiceProcess.start("recorder-service", workDir.resolve("nowhere/quarkus-run.jar"), 0, Map.of(), workDir.resolve("c.log")))
                .hasMessageContaining("recorder-service is not packaged")
                .hasMessageContaining("package -DskipTests");
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
