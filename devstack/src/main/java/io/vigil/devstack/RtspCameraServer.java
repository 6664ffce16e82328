package io.vigil.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live RTSP test cameras: GStreamer's RTSP server, run by a Python script (a resource of this
 * module) with Debian's own {@code /usr/bin/python3}, the one interpreter the GStreamer bindings
 * load in. Each camera is a mount serving H.264 1280x720@25 with a keyframe every second; the
 * password-protected ones are on a second port. The server keeps its ports across
 * {@link #stop()}/{@link #start()}, so a test can cut the cameras off and bring them back.
 */
public final class RtspCameraServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RtspCameraServer.class.getName());
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "test_cameras.py";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final Map<String, TestCamera> cameras = new LinkedHashMap<>();
    private final int openPort = FreePorts.next();
    private final int protectedPort = FreePorts.next();
    private final int tlsPort = FreePorts.next();
    private ChildProcess process;
    private Conversation conversation;
    /** Made at the first start when none is given, then kept: a restarted camera shows the same certificate. */
    private TlsCertificate certificate;

    private RtspCameraServer(Path dir, List<TestCamera> cameras, TlsCertificate certificate) {
        this.dir = dir;
        this.certificate = certificate;
        for (TestCamera camera : cameras) {
            if (this.cameras.put(camera.name(), camera) != null) {
                throw new IllegalArgumentException("two test cameras are named " + camera.name());
            }
        }
    }

    /** Starts the cameras; the script and its log ({@code cameras.log}) are in {@code workDir/cameras}. */
    public static RtspCameraServer start(Path workDir, List<TestCamera> cameras) {
        return start(workDir, cameras, null);
    }

    /** Starts the cameras, the RTSPS ones serving {@code certificate} (null: a new self-signed one). */
    public static RtspCameraServer start(Path workDir, List<TestCamera> cameras, TlsCertificate certificate) {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("an RTSP camera server needs at least one camera");
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(PYTHON + " is missing: the test cameras need Debian's python3 with python3-gi (./vigil test installs it)");
        }
        RtspCameraServer server = new RtspCameraServer(workDir.toAbsolutePath().resolve("cameras"), cameras, certificate);
        server.start();
        return server;
    }

    /** The camera's URL, with its credentials when it has any. */
    public String url(String name) {
        TestCamera camera = camera(name);
        if (camera.tls()) {
            return "rtsps://127.0.0.1:" + tlsPort + "/" + name;
        }
        if (!camera.isProtected()) {
            return "rtsp://127.0.0.1:" + openPort + "/" + name;
        }
        return "rtsp://" + encode(camera.user()) + ":" + encode(camera.password()) + "@127.0.0.1:" + protectedPort + "/" + name;
    }

    /** The certificate the RTSPS cameras serve; null before the first start or without RTSPS cameras. */
    public synchronized TlsCertificate certificate() {
        return certificate;
    }

    /** Switches what the camera shows, at once for the clients watching it and for those to come. */
    public synchronized void setScene(String name, Scene scene) {
        TestCamera camera = camera(name);
        cameras.put(name, new TestCamera(name, scene, camera.user(), camera.password(), camera.tls()));
        if (process != null) {
            String command = "scene " + name + " " + scene;
            conversation.send(command);
            String answer = conversation.answer(ANSWER_TIMEOUT);
            if (!answer.equals("ok " + command)) {
                throw new IllegalStateException("the test cameras refused '" + command + "': " + answer);
            }
        }
    }

    public synchronized Scene scene(String name) {
        return camera(name).scene();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the cameras (again), on the same ports, each with its current scene. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        Path script = extractScript();
        process = ChildProcess.startInteractive("RTSP test cameras on ports " + openPort + "/" + protectedPort,
                List.of(PYTHON, "-u", script.toString()), dir.resolve("cameras.log"));
        conversation = new Conversation(process);
        try {
            conversation.send(configuration());
            String answer = conversation.answer(ANSWER_TIMEOUT);
            if (!answer.equals("ready")) {
                throw new IllegalStateException("the test cameras did not start: " + answer + "; see " + dir.resolve("cameras.log"));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "test cameras {0} on rtsp://127.0.0.1:{1} (log in {2})",
                cameras.values(), String.valueOf(openPort), dir);
    }

    /** Stops serving: clients see the connection drop, new ones are refused. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(10);
            process = null;
            conversation = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized TestCamera camera(String name) {
        TestCamera camera = cameras.get(name);
        if (camera == null) {
            throw new IllegalArgumentException("no test camera named " + name + "; there are " + cameras.keySet());
        }
        return camera;
    }

    /** The script's first input line; it carries the passwords, so it goes through a pipe, never a command line or a file. */
    private String configuration() {
        List<Map<String, Object>> specs = new ArrayList<>();
        for (TestCamera camera : cameras.values()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", camera.name());
            spec.put("scene", camera.scene().name());
            spec.put("user", camera.user());
            spec.put("password", camera.password());
            spec.put("tls", camera.tls());
            specs.add(spec);
        }
        Map<String, Object> config = new LinkedHashMap<>(Map.of("openPort", openPort, "protectedPort", protectedPort, "cameras", specs));
        if (cameras.values().stream().anyMatch(TestCamera::tls)) {
            config.put("tlsPort", tlsPort);
            if (certificate == null) {
                certificate = TlsCertificate.selfSigned(dir);
            }
            config.put("tlsCertificate", certificate.pem().toString());
        }
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot describe the test cameras", e);
        }
    }

    private Path extractScript() {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = RtspCameraServer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the devstack jar");
            }
            Files.createDirectories(dir);
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
    }

    private static String encode(String userInfo) {
        return URLEncoder.encode(userInfo, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
