package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./vigil up}: the whole stack with the architecture's ports and a registered demo camera,
 * in {@code <repository>/.vigil/stack} (emptied at every start), until Ctrl-C or SIGTERM
 * ({@code ./vigil down}, which finds this JVM through {@code .vigil/stack.pid}).
 */
final class LocalStackMain {

    /** Printed once everything runs; {@code ./vigil up --detach} waits for it. */
    static final String READY = "Vigil is up.";

    private LocalStackMain() {
    }

    /**
     * Detached, our output goes to a log file ({@code .vigil/up.log}), which must not hold the password:
     * then it goes to the owner-only file {@code ./vigil up} names, which prints it in place of
     * {@value #PASSWORD_PLACEHOLDER} and deletes the file.
     */
    static final String PASSWORD_FILE_ENV = "VIGIL_UP_PASSWORD_FILE";
    static final String PASSWORD_PLACEHOLDER = "<password>";

    static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
        Path state = repository.resolve(".vigil");
        Path workDir = state.resolve("stack");
        Path pidFile = state.resolve("stack.pid");
        DirectoryTrees.delete(workDir);
        Files.createDirectories(workDir);
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");

        // registered first, so that a stop while starting also cleans up (the parts not yet
        // handed over die with this JVM, see ChildProcess)
        AtomicReference<LocalStack> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack stack = running.get();
            if (stack != null) {
                System.out.println("Stopping Vigil...");
                stack.close();
                System.out.println("Vigil stopped.");
            }
            deleteQuietly(pidFile);
            stopped.countDown();
        }, "vigil-stack-shutdown"));

        LocalStack stack;
        try {
            stack = LocalStack.builder()
                    .repository(repository)
                    .workDir(workDir)
                    .defaultPorts()
                    .demoCamera()
                    .start();
        } catch (RuntimeException e) {
            System.err.println("Vigil could not start: " + e.getMessage());
            System.err.println("Logs: " + workDir);
            System.exit(1);
            return;
        }
        running.set(stack);

        String gateway = stack.gatewayUrl().replace("127.0.0.1", "localhost");
        String password = shownOnce(stack.adminPassword()); // before READY: ./vigil up --detach reads it then
        System.out.println(READY);
        System.out.println("  web UI        " + gateway + "/");
        // shown once, and nowhere else: the gateway got it as a secret and stores only its hash
        System.out.println("  admin login   " + LocalStack.ADMIN_USER + " / " + password
                + "   (made for this run; change it in the UI's users API, see docs/security.md)");
        System.out.println("  API           " + gateway + "/api/cameras   (OpenAPI UI: " + gateway + "/q/swagger-ui; "
                + "send Authorization: Bearer <key>, keys from POST /api/keys)");
        System.out.println("  demo camera   " + stack.cameras().orElseThrow().url(LocalStack.DEMO_CAMERA) + " (registered as \"demo\")");
        System.out.println("  recordings    " + stack.recordings());
        System.out.println("  logs          " + workDir + "/{services,kafka,postgres,cameras}");
        System.out.println("  Kafka         " + stack.kafka().bootstrapServers());
        System.out.println("  PostgreSQL    " + stack.database().orElseThrow().jdbcUrl()
                + " (user " + PostgresCluster.USER + ", password " + PostgresCluster.PASSWORD + ")");
        System.out.println("Ctrl-C (or ./vigil down) stops everything.");
        stopped.await();
    }

    private static String shownOnce(String password) throws IOException {
        String file = System.getenv(PASSWORD_FILE_ENV);
        if (file == null || file.isBlank()) {
            return password;
        }
        Path path = Path.of(file);
        Files.deleteIfExists(path);
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(path, password);
        return PASSWORD_PLACEHOLDER;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete " + file + ": " + e.getMessage());
        }
    }
}
