package io.vigil.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.JsonContractSerializer;
import io.vigil.ingest.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends camera events to {@link Topics#EVENTS}, keyed by camera id, with an idempotent producer. The
 * cameras only queue them: one thread of its own hands them to Kafka in order, so a Kafka outage never
 * blocks a camera. An event Kafka does not take is logged and counted
 * ({@code vigil_ingest_events_failed_total}), never retried by hand.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    /** Events are a few per camera and minute; a queue this long rides out a Kafka outage of minutes. */
    private static final int QUEUE = 10_000;

    private final Producer<String, CameraEvent> producer;
    private final Counter failed;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
        Thread thread = new Thread(runnable, "event-publisher");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public EventPublisher(KafkaClients clients, MeterRegistry meters) {
        this(new KafkaProducer<>(clients.eventProducer(), new StringSerializer(), new JsonContractSerializer<>()), meters);
    }

    EventPublisher(Producer<String, CameraEvent> producer, MeterRegistry meters) {
        this.producer = producer;
        this.failed = Counter.builder("vigil.ingest.events.failed")
                .description("Camera events Kafka did not take (lost)").register(meters);
    }

    /** Queues the event; returns at once. */
    public void publish(CameraEvent event) {
        try {
            sender.execute(() -> send(event));
        } catch (RejectedExecutionException e) {
            lost(event, "the queue of events waiting for Kafka is full");
        }
    }

    private void send(CameraEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.EVENTS, event.cameraId(), event), (metadata, error) -> {
                if (error != null) {
                    lost(event, error.toString());
                }
            });
        } catch (RuntimeException e) {
            lost(event, e.toString());
        }
    }

    private void lost(CameraEvent event, String why) {
        failed.increment();
        LOG.errorf("camera %s: %s of event %s was not written to Kafka: %s", event.cameraId(), event.type(), event.eventId(), why);
    }

    @PreDestroy
    void close() {
        // the cameras have stopped by now: their last event.ended records are still sent
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
