package io.vigil.ingest.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.ImportCommand;
import io.vigil.contracts.Topics;
import io.vigil.ingest.kafka.DeadLetterBox;
import io.vigil.ingest.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Reads {@value Topics#IMPORTS} in its own consumer group, on its own thread: a start runs the import
 * here, a cancel (same key, so same partition, so same replica) stops it. Offsets are committed after
 * each batch was acted on. An import whose replica dies is not taken up by another one: its status
 * stops being renewed (the gateway shows it lost) and it can be started again. A record that is no
 * import command goes to the dead-letter topic.
 */
@ApplicationScoped
public class ImportConsumer {

    private static final Logger LOG = Logger.getLogger(ImportConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final KafkaClients clients;
    private final ImportJobs jobs;
    private final DeadLetterBox deadLetters;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    @Inject
    public ImportConsumer(KafkaClients clients, ImportJobs jobs, DeadLetterBox deadLetters) {
        this.clients = clients;
        this.jobs = jobs;
        this.deadLetters = deadLetters;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "imports");
        thread.setDaemon(true);
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
        while (running) {
            try (KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(clients.importConsumer(),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = created;
                created.subscribe(List.of(Topics.IMPORTS));
                while (running) {
                    ConsumerRecords<String, byte[]> records = created.poll(POLL);
                    records.forEach(this::apply);
                    if (!records.isEmpty()) {
                        created.commitSync();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                LOG.warnf("the import consumer failed, starting it again in 5 s: %s", e.toString());
                pause();
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        ImportCommand command;
        try {
            command = record.value() == null ? null : ContractJson.read(record.value(), ImportCommand.class);
        } catch (RuntimeException e) {
            LOG.warnf("%s: not an import command, skipped: %s", where, e.getClass().getSimpleName());
            deadLetters.send(record, "not an import command: " + e.getClass().getSimpleName());
            return;
        }
        String problem = command == null ? "empty" : command.problem();
        if (problem == null && !command.importId().equals(record.key())) {
            problem = "the key is not the import id";
        }
        if (problem != null) {
            LOG.warnf("%s: import command skipped: %s", where, problem);
            deadLetters.send(record, "import command skipped: " + problem);
            return;
        }
        switch (command.action()) {
            case START -> jobs.start(command);
            case CANCEL -> {
                if (!jobs.cancel(command.importId())) {
                    LOG.debugf("import %s: cancel for an import not running here", command.importId());
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
