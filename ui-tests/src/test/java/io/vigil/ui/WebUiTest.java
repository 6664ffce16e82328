package io.vigil.ui;

import io.vigil.devstack.LocalStack;
import io.vigil.devstack.Scene;
import io.vigil.devstack.TestCamera;
import io.vigil.devstack.VigilService;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI end to end: the four packaged services on real Kafka, PostgreSQL and an RTSP test camera
 * (devstack), and Debian's Chromium driven by playwright-core ({@code src/test/browser/web-ui.mjs},
 * run by the machine's node). The script adds the camera through the form, finds it online on the
 * overview, finds its recorded interval on today's timeline, clicks it and watches the video play,
 * and locks and deletes a recording; last it logs in through an OIDC provider (NAV's mock-oauth2-server,
 * a real one with an interactive login page). It writes a screenshot of each page to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {

    /** Debian's package (./vigil installs it); never a browser a test tool downloads. */
    private static final Path CHROMIUM = Path.of(System.getProperty("vigil.chromium", "/usr/bin/chromium"));
    /** The script's own waits are generous; this only stops a hung browser. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 300;
    private static final List<String> SCREENSHOTS = List.of("camera-form.png", "overview.png", "camera.png", "login.png");
    private static final String OIDC_NAME = "Test IdP";

    private MockOAuth2Server provider;
    private LocalStack stack;
    private Path target;

    @BeforeAll
    void startStack() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; ./vigil test installs it)").isExecutable();
        target = Files.createDirectories(Path.of("target"));
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start();
        // under target/, so the logs of a failed run stay for reading
        stack = LocalStack.builder().workDir(target.resolve("stack-web-ui-" + System.currentTimeMillis()))
                .camera(TestCamera.open("door", Scene.MOVING))
                // the build disk's fill is not this test's subject
                .environment("VIGIL_STORAGE_WARN_PERCENT", "98")
                .environment("VIGIL_STORAGE_BLOCK_PERCENT", "99")
                .environment(VigilService.INGEST, "VIGIL_INGEST_STATUS_INTERVAL", "1s")
                .environment(VigilService.API_GATEWAY, "VIGIL_AUTH_OIDC_ISSUER", provider.issuerUrl("vigil").toString())
                .environment(VigilService.API_GATEWAY, "VIGIL_AUTH_OIDC_CLIENT_ID", "vigil-ui")
                .environment(VigilService.API_GATEWAY, "VIGIL_AUTH_OIDC_DISPLAY_NAME", OIDC_NAME)
                .start();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void theCameraIsAddedSeenOnlineOnTheTimelineAndPlaysInChromium(@TempDir Path userData) throws Exception {
        Path screenshots = target.resolve("screenshots");
        // none left from an earlier run
        for (String name : SCREENSHOTS) {
            Files.deleteIfExists(screenshots.resolve(name));
        }
        Files.deleteIfExists(screenshots.resolve("failure.png"));
        Path log = target.resolve("web-ui.log");
        ProcessBuilder node = new ProcessBuilder("node", "src/test/browser/web-ui.mjs")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // localhost: a secure context for the browser, so it keeps the session's Secure cookie over plain HTTP
        node.environment().put("VIGIL_URL", stack.gatewayUrl().replace("127.0.0.1", "localhost"));
        node.environment().put("VIGIL_USER", LocalStack.ADMIN_USER);
        node.environment().put("VIGIL_PASSWORD", stack.adminPassword());
        node.environment().put("VIGIL_API_KEY", stack.adminApiKey());
        node.environment().put("CAMERA_URL", stack.cameras().orElseThrow().url("door"));
        node.environment().put("OIDC_NAME", OIDC_NAME);
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        node.environment().put("SCREENSHOTS", screenshots.toAbsolutePath().toString());
        node.environment().put("USER_DATA_DIR", userData.toString());
        Process process = node.start();
        try {
            boolean ended = process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(ended).as("the browser script ended within %d s; its output:%n%s", SCRIPT_TIMEOUT_SECONDS, output).isTrue();
            assertThat(process.exitValue()).as("the browser script's exit code; its output:%n%s", output).isZero();
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (String name : SCREENSHOTS) {
            Path shot = screenshots.resolve(name);
            assertThat(shot).as("screenshot %s", name).isRegularFile();
            assertThat(Files.size(shot)).as("bytes of %s", name).isGreaterThan(10_000);
        }
    }
}
