package io.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        System.out.println(READY);
        System.out.println("  API           " + gateway + "/api/cameras   (OpenAPI UI: " + gateway + "/q/swagger-ui)");
        System.out.println("  demo camera   " + stack.cameras().orElseThrow().url(LocalStack.DEMO_CAMERA) + " (registered as \"demo\")");
        System.out.println("  recordings    " + stack.recordings());
        System.out.println("  logs          " + workDir + "/{services,kafka,postgres,cameras}");
        System.out.println("  Kafka         " + stack.kafka().bootstrapServers());
        System.out.println("  PostgreSQL    " + stack.database().orElseThrow().jdbcUrl()
                + " (user " + PostgresCluster.USER + ", password " + PostgresCluster.PASSWORD + ")");
        System.out.println("Ctrl-C (or ./vigil down) stops everything.");
        stopped.await();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete " + file + ": " + e.getMessage());
        }
    }
}
