package io.vigil.bench;

import io.vigil.contracts.Topics;
import io.vigil.devstack.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * What the measurements share for a whole run: the work directory, the bundled ffmpeg, the source
 * clip and its looped cameras, and (started at first need) a Kafka broker with a publisher and a
 * status watcher. Everything in it is closed, the last started first, when the run ends.
 */
final class Rig implements AutoCloseable {

    private final Settings settings;
    private final Path work;
    private final Path ffmpeg;
    private final Path ffprobe;
    private final SourceClip clip;
    private final LoopedCameras cameras;
    private KafkaBroker kafka;
    private Publisher publisher;
    private StatusWatcher statuses;
    private long kafkaPid = -1;

    Rig(Settings settings, Path work, Path ffmpeg, Path ffprobe, SourceClip clip, LoopedCameras cameras) {
        this.settings = settings;
        this.work = work;
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.clip = clip;
        this.cameras = cameras;
    }

    Settings settings() {
        return settings;
    }

    Path work() {
        return work;
    }

    Path ffmpeg() {
        return ffmpeg;
    }

    Path ffprobe() {
        return ffprobe;
    }

    SourceClip clip() {
        return clip;
    }

    LoopedCameras cameras() {
        return cameras;
    }

    synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(work);
            kafkaPid = ProcessHandle.current().descendants()
                    .filter(process -> isKafkaJvm(commandLine(process.pid())))
                    .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
            publisher = new Publisher(kafka.bootstrapServers());
            statuses = new StatusWatcher(kafka.bootstrapServers());
        }
        return kafka;
    }

    /** The JVM itself, not the guard and setsid above it, whose command lines name it too. */
    private static boolean isKafkaJvm(String commandLine) {
        String program = commandLine.split("\0", 2)[0];
        return program.endsWith("/java") && commandLine.contains("\0kafka.Kafka\0");
    }

    /** Read whole: ProcessHandle.Info cuts long command lines (the broker's classpath) short. */
    private static String commandLine(long pid) {
        try {
            return new String(java.nio.file.Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The broker's JVM, for pidstat; -1 if it could not be found. */
    long kafkaPid() {
        kafka();
        return kafkaPid;
    }

    Publisher publisher() {
        kafka();
        return publisher;
    }

    StatusWatcher statuses() {
        kafka();
        return statuses;
    }

    /** The packaged ingest-service on this run's broker; {@code environment} adds or overrides settings. */
    ServiceJvm ingest(String logName, Map<String, String> environment) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka().bootstrapServers());
        env.put("VIGIL_INGEST_INSTANCE_ID", "bench");
        env.putAll(environment);
        return ServiceJvm.start("ingest-service", settings.ingestJar(), env, work.resolve("logs").resolve(logName + ".log"));
    }

    /**
     * Deletes every record of {@code vigil.media} so far: the CPU rows leave gigabytes of it, which a
     * recorder started afterwards would first write out, while being measured.
     */
    void forgetMedia() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(Topics.MEDIA)) {
                return;
            }
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(Topics.MEDIA)).allTopicNames().get()
                    .get(Topics.MEDIA).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.MEDIA, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, RecordsToDelete> upToEnd = admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue().offset())));
            admin.deleteRecords(upToEnd).all().get();
        }
    }

    /** The packaged recorder-service writing to {@code recordings}. */
    ServiceJvm recorder(String logName, Path recordings) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka().bootstrapServers());
        env.put("VIGIL_RECORDINGS_ROOT", recordings.toString());
        return ServiceJvm.start("recorder-service", settings.recorderJar(), env, work.resolve("logs").resolve(logName + ".log"));
    }

    @Override
    public void close() throws Exception {
        if (statuses != null) {
            statuses.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        cameras.close();
    }
}
