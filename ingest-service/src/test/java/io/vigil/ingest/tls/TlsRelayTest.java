package io.vigil.ingest.tls;

import io.vigil.devstack.TlsCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The relay against a real TLS server with openssl-made certificates, one trusted and one not. */
class TlsRelayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static TlsCertificate trusted;
    private static TlsCertificate stranger;
    private static CameraTrust trust;
    private static TlsCameraServer camera;

    @BeforeAll
    static void certificates() throws Exception {
        assumeTrue(TlsCertificate.available(), "openssl makes the certificates");
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tls-relay-");
        trusted = TlsCertificate.selfSigned(dir.resolve("trusted"));
        stranger = TlsCertificate.selfSigned(dir.resolve("stranger"));
        trust = CameraTrust.withBundle(trusted.certificate());
        camera = new TlsCameraServer(trusted);
    }

    @AfterAll
    static void stop() throws Exception {
        if (camera != null) {
            camera.close();
        }
    }

    @Test
    void bytesGoBothWaysThroughTheVerifiedConnection() throws Exception {
        try (TlsRelay relay = TlsRelay.open(trust, "127.0.0.1", camera.port(), TIMEOUT, "both-ways");
             Socket ffmpeg = new Socket("127.0.0.1", relay.port())) {
            ffmpeg.setSoTimeout(5_000);
            OutputStream out = ffmpeg.getOutputStream();
            InputStream in = ffmpeg.getInputStream();
            byte[] request = "OPTIONS rtsp://127.0.0.1/x RTSP/1.0\r\n\r\n".getBytes();
            out.write(request);
            out.flush();
            byte[] answer = in.readNBytes(request.length);
            for (int n = 0; n < request.length; n++) {
                assertThat(answer[n]).isEqualTo((byte) (request[n] + 1));
            }
        }
    }

    @Test
    void theHandshakeIsDoneBeforeFfmpegConnects() throws Exception {
        int before = camera.handshakes.get();
        try (TlsRelay relay = TlsRelay.open(trust, "127.0.0.1", camera.port(), TIMEOUT, "early")) {
            // nobody connected to the relay yet, and the camera's certificate is already verified
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (camera.handshakes.get() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(camera.handshakes.get()).isEqualTo(before + 1);
            assertThat(relay.port()).isPositive();
        }
    }

    @Test
    void theCameraClosingClosesFfmpegsSideAndClosingTheRelayClosesEverything() throws Exception {
        try (TlsRelay relay = TlsRelay.open(trust, "127.0.0.1", camera.port(), TIMEOUT, "closing");
             Socket ffmpeg = new Socket("127.0.0.1", relay.port())) {
            ffmpeg.setSoTimeout(5_000);
            ffmpeg.getOutputStream().write(1);
            assertThat(ffmpeg.getInputStream().read()).isEqualTo(2);
            camera.dropClients();
            assertThat(ffmpeg.getInputStream().read()).as("end of stream once the camera is gone").isEqualTo(-1);
        }
        TlsRelay relay = TlsRelay.open(trust, "127.0.0.1", camera.port(), TIMEOUT, "closed");
        Socket ffmpeg = new Socket("127.0.0.1", relay.port());
        ffmpeg.setSoTimeout(5_000);
        ffmpeg.getOutputStream().write(1);
        assertThat(ffmpeg.getInputStream().read()).isEqualTo(2);
        relay.close();
        // (that its port refuses connections afterwards is not asserted: on a shared host another process may take the freed port at once)
        assertThat(ffmpeg.getInputStream().read()).as("the session closed the relay").isEqualTo(-1);
        ffmpeg.close();
    }

    @Test
    void aSecondConnectionGetsAVerifiedConnectionOfItsOwn() throws Exception {
        try (TlsRelay relay = TlsRelay.open(trust, "127.0.0.1", camera.port(), TIMEOUT, "retry")) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try (Socket ffmpeg = new Socket("127.0.0.1", relay.port())) {
                    ffmpeg.setSoTimeout(5_000);
                    ffmpeg.getOutputStream().write(10);
                    assertThat(ffmpeg.getInputStream().read()).isEqualTo(11);
                }
            }
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedBeforeAnythingListens() throws Exception {
        try (TlsCameraServer impostor = new TlsCameraServer(stranger)) {
            assertThatThrownBy(() -> TlsRelay.open(trust, "127.0.0.1", impostor.port(), TIMEOUT, "impostor"))
                    .isInstanceOf(CertificateRefused.class)
                    .hasMessageStartingWith("the camera's TLS certificate is not trusted: ")
                    .hasMessageContaining("vigil.ingest.tls.ca-file");
            assertThat(impostor.handshakes.get()).isZero();
        }
        // the JDK's trust store alone does not know a self-signed certificate either
        assertThatThrownBy(() -> TlsRelay.open(CameraTrust.jdkDefault(), "127.0.0.1", camera.port(), TIMEOUT, "jdk"))
                .isInstanceOf(CertificateRefused.class);
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        // the certificate names IP 127.0.0.1 only, not the name localhost
        assertThatThrownBy(() -> TlsRelay.open(trust, "localhost", camera.port(), TIMEOUT, "wrong-host"))
                .isInstanceOf(CertificateRefused.class)
                .hasMessageContaining("localhost");
    }

    @Test
    void aPlainServerIsNoTlsCamera() throws Exception {
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread answer = new Thread(() -> {
                try (Socket client = plain.accept()) {
                    client.getOutputStream().write("RTSP/1.0 400 Bad Request\r\n\r\n".getBytes());
                    client.getInputStream().read();
                } catch (Exception e) {
                    // done
                }
            });
            answer.setDaemon(true);
            answer.start();
            assertThatThrownBy(() -> TlsRelay.open(trust, "127.0.0.1", plain.getLocalPort(), TIMEOUT, "plain"))
                    .isInstanceOf(javax.net.ssl.SSLException.class)
                    .isNotInstanceOf(CertificateRefused.class);
        }
    }
}
