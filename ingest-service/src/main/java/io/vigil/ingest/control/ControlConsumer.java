package io.vigil.ingest.control;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Trigger;
import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.camera.CameraRegistry;
import io.vigil.ingest.event.ExternalTrigger;
import io.vigil.ingest.kafka.DeadLetterBox;
import io.vigil.ingest.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every partition of {@value Topics#CAMERA_COMMANDS} (from the beginning: the compacted topic
 * is each camera's manual-recording state) and of {@value Topics#TRIGGERS} (from the trigger lookback
 * ago, so a restart misses none), on its own thread, with a plain consumer in assign mode: no group,
 * nothing committed, because every replica needs all of them and acts only on the cameras it runs.
 *
 * <p>The commands read at start-up only fill the {@link CommandBook}: once they are all read, the
 * manual recordings still running are applied to this replica's cameras (replaying a start and its
 * stop would record a needless event). After that every command is applied as it comes, and a camera
 * that starts here later gets its running manual recording, and its still lasting triggers, at once.
 */
@ApplicationScoped
public class ControlConsumer {

    private static final Logger LOG = Logger.getLogger(ControlConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final KafkaClients clients;
    private final CameraRegistry registry;
    private final Duration lookback;
    private final DeadLetterBox deadLetters;
    private final Clock clock = Clock.systemUTC();
    private final CommandBook commands = new CommandBook();
    private final RecentTriggers triggers = new RecentTriggers();
    /** Command partitions still being read up to where they ended at start-up. */
    private final Map<TopicPartition, Long> catchingUp = new HashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    @Inject
    public ControlConsumer(KafkaClients clients, CameraRegistry registry, IngestConfig config, DeadLetterBox deadLetters) {
        this.deadLetters = deadLetters;
        this.clients = clients;
        this.registry = registry;
        this.lookback = config.triggers().lookback();
    }

    void onStart(@Observes StartupEvent event) {
        registry.onCameraStarted(this::cameraStarted);
        running = true;
        thread = new Thread(this::run, "camera-control");
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(clients.controlConsumer(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = created;
            if (!assign(created)) {
                return;
            }
            while (running) {
                poll(created);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("the camera-control consumer failed; manual recordings and external triggers are no longer applied", e);
        }
    }

    /** Waits for both topics (another thread creates them at start-up), then positions on every partition. */
    private boolean assign(KafkaConsumer<String, byte[]> source) {
        while (running) {
            try {
                List<TopicPartition> commandPartitions = partitions(source, Topics.CAMERA_COMMANDS);
                List<TopicPartition> triggerPartitions = partitions(source, Topics.TRIGGERS);
                if (!commandPartitions.isEmpty() && !triggerPartitions.isEmpty()) {
                    List<TopicPartition> all = new ArrayList<>(commandPartitions);
                    all.addAll(triggerPartitions);
                    source.assign(all);
                    source.seekToBeginning(commandPartitions);
                    seekToLookback(source, triggerPartitions);
                    source.endOffsets(commandPartitions).forEach((partition, end) -> {
                        if (end > 0) {
                            catchingUp.put(partition, end);
                        }
                    });
                    LOG.infof("reading %s (%d partitions) from the beginning and %s (%d partitions) from %d s ago",
                            Topics.CAMERA_COMMANDS, commandPartitions.size(), Topics.TRIGGERS, triggerPartitions.size(),
                            lookback.toSeconds());
                    return true;
                }
                LOG.debugf("waiting for the topics %s and %s", Topics.CAMERA_COMMANDS, Topics.TRIGGERS);
            } catch (WakeupException e) {
                return false;
            } catch (KafkaException e) {
                LOG.warnf("cannot read the command and trigger topics yet, retrying in %d s: %s", RETRY.toSeconds(), e.toString());
            }
            pause(RETRY);
        }
        return false;
    }

    private void seekToLookback(KafkaConsumer<String, byte[]> source, List<TopicPartition> partitions) {
        long from = clock.instant().minus(lookback).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = source.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                // nothing that recent: only what comes from now on
                source.seekToEnd(List.of(partition));
            } else {
                source.seek(partition, offset.offset());
            }
        }
    }

    private void poll(KafkaConsumer<String, byte[]> source) {
        try {
            for (ConsumerRecord<String, byte[]> record : source.poll(POLL)) {
                handle(record);
            }
            if (!caughtUp) {
                catchUp(source);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (KafkaException e) {
            LOG.warnf("reading the command and trigger topics failed, retrying: %s", e.toString());
            pause(RETRY);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(Topics.CAMERA_COMMANDS)) {
                command(record);
            } else {
                trigger(record);
            }
        } catch (MalformedRecordException e) {
            // only where the record is: its payload comes from outside
            LOG.warnf("skipping malformed record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.send(record, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "applying record %s-%d@%d failed", record.topic(), record.partition(), record.offset());
        }
    }

    private void command(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            // the camera was removed
            if (record.key() != null) {
                commands.remove(record.key());
            }
            return;
        }
        CameraCommand command = ControlRecords.command(record.key(), record.value());
        commands.put(command);
        if (caughtUp) {
            deliver(command);
        }
    }

    private void trigger(ConsumerRecord<String, byte[]> record) {
        Trigger value = ControlRecords.trigger(record.key(), record.value());
        ExternalTrigger trigger = ExternalTrigger.of(value, Instant.ofEpochMilli(record.timestamp()));
        Instant now = clock.instant();
        if (trigger.start().isBefore(now.minus(lookback)) && !trigger.end().isAfter(now)) {
            LOG.debugf("camera %s: trigger %s@%d ended long ago, ignored", value.cameraId(), record.topic(), record.offset());
            return;
        }
        triggers.add(value.cameraId(), trigger, now);
        registry.recorder(value.cameraId()).ifPresent(recorder -> {
            if (!recorder.trigger(trigger)) {
                LOG.debugf("camera %s: trigger %s ignored (seen before, or over before the footage held)", value.cameraId(), trigger.triggerId());
            }
        });
    }

    /** Once the commands of start-up are all read, the manual recordings still running start on this replica's cameras. */
    private void catchUp(KafkaConsumer<String, byte[]> source) {
        catchingUp.entrySet().removeIf(entry -> source.position(entry.getKey()) >= entry.getValue());
        if (catchingUp.isEmpty()) {
            caughtUp = true;
            List<CameraCommand> manual = commands.running(clock.instant());
            manual.forEach(this::deliver);
            LOG.infof("camera commands read; %d manual recording(s) running", manual.size());
        }
    }

    /** On the config thread: a camera starting here resumes its manual recording and lasting triggers. */
    private void cameraStarted(String cameraId) {
        registry.recorder(cameraId).ifPresent(recorder -> {
            Instant now = clock.instant();
            if (caughtUp) {
                commands.running(cameraId, now).ifPresent(recorder::command);
            }
            triggers.lasting(cameraId, now).forEach(recorder::trigger);
        });
    }

    private void deliver(CameraCommand command) {
        registry.recorder(command.cameraId()).ifPresent(recorder -> recorder.command(command));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> source, String topic) {
        List<PartitionInfo> infos = source.partitionsFor(topic);
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
