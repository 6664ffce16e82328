package io.vigil.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one service's container image as an OCI tarball with Jib, without a Docker daemon or a push:
 * the Quarkus fast-jar (target/quarkus-app) in four layers ordered from least to most often changed,
 * run as user 185 with the JVM flags given. Load it with {@code skopeo copy oci-archive:...} or
 * {@code crane push}, or {@code docker load}. Only linux/amd64: the services carry FFmpeg's
 * linux-x86_64 natives and nothing else, which this class checks before it builds.
 *
 * <p>Arguments: {@code <module dir> <image reference> <base image> <jvm flags, space-separated>}. The
 * base is a registry reference, {@code tar://} an image tarball or {@code docker://} a daemon's image.
 */
public final class ImageTarball {

    static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/deployments");
    /** Natives of other platforms a wrong dependency would drag in: each is tens of megabytes. */
    static final List<String> FOREIGN_NATIVES = List.of("-linux-arm64", "-linux-ppc64le", "-linux-armhf", "-macosx-", "-windows-", "-android-", "-ios-", "-linux-x86.jar");

    private ImageTarball() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ImageTarball <module dir> <image reference> <base image> <jvm flags>");
        }
        Path module = Path.of(args[0]).toAbsolutePath();
        Path app = module.resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " has no quarkus-run.jar: package the service first");
        }
        checkNatives(app.resolve("lib/main"));
        List<String> entrypoint = new ArrayList<>(List.of("java"));
        entrypoint.addAll(Arrays.asList(args[3].trim().split("\\s+")));
        entrypoint.addAll(List.of("-jar", APP.resolve("quarkus-run.jar").toString()));

        JibContainerBuilder image = Jib.from(args[2])
                .setPlatforms(Set.of(new Platform("amd64", "linux")))
                .setFormat(ImageFormat.OCI)
                .addLayer(children(app.resolve("lib/boot")), APP.resolve("lib/boot"))
                .addLayer(children(app.resolve("lib/main")), APP.resolve("lib/main"))
                .addLayer(children(app.resolve("quarkus")), APP.resolve("quarkus"))
                .addLayer(List.of(app.resolve("app"), app.resolve("quarkus-run.jar")), APP)
                .setWorkingDirectory(APP)
                .setUser("185")
                .setEntrypoint(entrypoint)
                .addExposedPort(Port.tcp(httpPort(module)))
                .addLabel("org.opencontainers.image.title", "vigil " + module.getFileName());
        Path tar = module.resolve("target/" + module.getFileName() + "-image.tar");
        JibContainer built = image.containerize(Containerizer.to(TarImage.at(tar).named(args[1]))
                .setApplicationLayersCache(module.resolve("target/jib-cache"))
                .addEventHandler(LogEvent.class, e -> {
                    if (e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) {
                        System.err.println("jib: " + e.getMessage());
                    }
                }));
        System.out.printf("%s: %s (%s), %.1f MB%n", args[1], tar, built.getDigest(), Files.size(tar) / 1e6);
    }

    static void checkNatives(Path libs) throws IOException {
        try (Stream<Path> jars = Files.list(libs)) {
            List<String> foreign = jars.map(p -> p.getFileName().toString())
                    .filter(n -> FOREIGN_NATIVES.stream().anyMatch(n::contains)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException("the image is linux/amd64 but would carry natives of other platforms: " + foreign);
            }
        }
    }

    static int httpPort(Path module) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            props.load(in);
        }
        return Integer.parseInt(props.getProperty("quarkus.http.port", "8080").trim());
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
