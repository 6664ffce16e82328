package io.vigil.ingest.camera;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.TopicProvisioner;
import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.kafka.DeadLetterBox;
import io.vigil.ingest.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the camera-config topic in group {@value KafkaClients#CONFIG_GROUP} on its own thread and
 * runs exactly the cameras of the partitions assigned to this replica. An assigned partition is read
 * from the beginning (the topic is compacted: one record per camera) and a revoked one has its
 * cameras stopped inside the rebalance callback, so two replicas never run a camera at once. Offsets
 * are never read: the state is always rebuilt from the topic (they are committed only to keep the
 * group, whose generation is each piece's fencing token: {@link #keepGroup}).
 *
 * <p>A plain consumer rather than a SmallRye channel: its callbacks and its records are handled on
 * one thread, so no record of a partition can still be applied after that partition was revoked.
 */
@ApplicationScoped
public class CameraConfigConsumer {

    private static final Logger LOG = Logger.getLogger(CameraConfigConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration KEEP_GROUP = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final CameraRegistry registry;
    private final IngestConfig config;
    private final DeadLetterBox deadLetters;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private long nextGroupCommit = System.nanoTime();

    @Inject
    public CameraConfigConsumer(KafkaClients clients, CameraRegistry registry, IngestConfig config, DeadLetterBox deadLetters) {
        this.deadLetters = deadLetters;
        this.clients = clients;
        this.registry = registry;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "camera-config");
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        if (config.topics().create() && !createTopics()) {
            return;
        }
        try (KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(clients.configConsumer(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = created;
            created.subscribe(List.of(Topics.CAMERA_CONFIG), new Ownership(created));
            while (running) {
                poll(created);
            }
        } catch (RuntimeException e) {
            LOG.error("the camera-config consumer failed; no camera changes are applied any more", e);
        } finally {
            // closing the consumer revoked its partitions; this catches whatever is left
            registry.stopAll();
        }
    }

    private void poll(KafkaConsumer<String, byte[]> source) {
        try {
            apply(source.poll(POLL));
            keepGroup(source);
        } catch (WakeupException e) {
            // shutting down
        } catch (KafkaException e) {
            LOG.warnf("reading %s failed, retrying: %s", Topics.CAMERA_CONFIG, e.toString());
            pause(RETRY);
        }
    }

    /**
     * Commits the positions now and then, although they are never read: a group with committed offsets
     * outlives its last member (until {@code offsets.retention.minutes}), so its generation, each piece's
     * fencing token, goes on growing across a restart of every replica instead of starting again at 1.
     */
    private void keepGroup(KafkaConsumer<String, byte[]> source) {
        long now = System.nanoTime();
        if (now - nextGroupCommit < 0 || source.assignment().isEmpty()) {
            return;
        }
        nextGroupCommit = now + KEEP_GROUP.toNanos();
        source.commitAsync((offsets, error) -> {
            if (error != null) {
                LOG.debugf("committing %s positions (to keep the group) failed: %s", Topics.CAMERA_CONFIG, error.toString());
            }
        });
    }

    /** Applies a batch, only each camera's latest record: a rebuild does not start a camera only to restart it. */
    private void apply(ConsumerRecords<String, byte[]> records) {
        Map<String, Change> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CameraChange change = CameraChange.decode(record.key(), record.value());
                latest.put(change.cameraId(), new Change(record.partition(), change));
            } catch (MalformedRecordException e) {
                // the payload may hold a camera password: only where the record is
                LOG.errorf("skipping malformed record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                deadLetters.send(record, e.getMessage());
            }
        }
        latest.values().forEach(change -> {
            try {
                registry.apply(change.partition(), change.change());
            } catch (RuntimeException e) {
                LOG.errorf(e, "camera %s: applying its configuration failed", change.change().cameraId());
            }
        });
    }

    private boolean createTopics() {
        while (running) {
            try {
                TopicProvisioner.ensureTopics(clients.admin(), config.topics().replicationFactor());
                return true;
            } catch (RuntimeException e) {
                LOG.warnf("cannot create the Kafka topics yet, retrying in %d s: %s", RETRY.toSeconds(), e.getMessage());
                pause(RETRY);
            }
        }
        return false;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Change(int partition, CameraChange change) {
    }

    /** Called inside poll(), on this consumer's thread, while the rebalance waits for it. */
    private final class Ownership implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> source;

        Ownership(KafkaConsumer<String, byte[]> source) {
            this.source = source;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                int generation = source.groupMetadata().generationId();
                LOG.infof("assigned %s partitions %s in generation %d: rebuilding their cameras", Topics.CAMERA_CONFIG,
                        numbers(partitions), generation);
                registry.assigned(numbers(partitions), generation);
                source.seekToBeginning(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                registry.stopPartitions(numbers(partitions));
            }
        }

        private List<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).sorted().toList();
        }
    }
}
