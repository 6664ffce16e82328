package io.vigil.contracts.kafka;

import io.vigil.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes the records a consumer cannot use to {@value Topics#DEAD_LETTER}: key and value unchanged,
 * the reason and the source in headers named as SmallRye's own dead-letter queue names them, plus the
 * consumer that refused it. One writer for every consumer, SmallRye channel or plain Kafka consumer
 * alike, so every dead letter looks the same (docs/delivery.md).
 *
 * <p>The producer is idempotent with {@code acks=all} and takes records as large as the largest media
 * piece: a consumer that acknowledges a record only after its dead letter is stored loses nothing.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String TOPIC_HEADER = "dead-letter-topic";
    public static final String PARTITION_HEADER = "dead-letter-partition";
    public static final String OFFSET_HEADER = "dead-letter-offset";
    public static final String REASON_HEADER = "dead-letter-reason";
    /** The consumer group (or, without one, the service) that refused the record. */
    public static final String CONSUMER_HEADER = "dead-letter-consumer";

    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final String consumer;
    private final Duration timeout;

    /**
     * @param kafka    the service's shared Kafka settings (bootstrap servers, TLS, SASL)
     * @param consumer the consumer group or service named in each dead letter
     * @param timeout  how long one attempt may wait for Kafka
     */
    public DeadLetters(Map<String, Object> kafka, String consumer, Duration timeout) {
        this(new KafkaProducer<>(producerSettings(kafka, consumer, timeout), new StringSerializer(), new ByteArraySerializer()),
                consumer, timeout);
    }

    DeadLetters(Producer<String, byte[]> producer, String consumer, Duration timeout) {
        this.producer = producer;
        this.consumer = consumer;
        this.timeout = timeout;
    }

    static Map<String, Object> producerSettings(Map<String, Object> kafka, String consumer, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        // the shared settings hold consumer ones too (group id, deserializers): a producer would log them as unknown
        settings.keySet().removeIf(name -> ConsumerConfig.configNames().contains(name) && !ProducerConfig.configNames().contains(name));
        settings.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        settings.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, consumer + "-dead-letters");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_DEAD_LETTER_BYTES);
        // room for one dead media piece in flight while the next waits; allocated only as records need it
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * Topics.MAX_DEAD_LETTER_BYTES);
        int millis = (int) Math.max(1000, timeout.toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        return settings;
    }

    /**
     * Stores the dead letter, trying again while Kafka is unreachable, for consumers that must not
     * acknowledge the record before its dead letter is stored.
     *
     * @param onRetry told why an attempt failed, before the pause
     * @return true once stored; false when {@code stopping} turned true first
     * @throws DeadLetterException when Kafka refused it for good (say the topic was reconfigured too small)
     */
    public boolean store(DeadLetter letter, BooleanSupplier stopping, Consumer<String> onRetry)
            throws DeadLetterException, InterruptedException {
        Duration pause = FIRST_RETRY;
        while (!stopping.getAsBoolean()) {
            try {
                send(letter).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException e) {
                DeadLetterException failure = failure(letter, e.getCause());
                if (!failure.retriable()) {
                    throw failure;
                }
                onRetry.accept(failure.getMessage());
            } catch (TimeoutException e) {
                onRetry.accept("Kafka did not store the dead letter of " + letter.source() + " within " + timeout);
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
        }
        return false;
    }

    /** Sends without waiting, for consumers that commit nothing and read the record again at their next rebuild. */
    public CompletableFuture<Void> send(DeadLetter letter) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            producer.send(record(letter), (metadata, error) -> {
                if (error == null) {
                    stored.complete(null);
                } else {
                    stored.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            stored.completeExceptionally(e);
        }
        return stored;
    }

    ProducerRecord<String, byte[]> record(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TOPIC_HEADER, utf8(letter.topic()));
        headers.add(PARTITION_HEADER, utf8(String.valueOf(letter.partition())));
        headers.add(OFFSET_HEADER, utf8(String.valueOf(letter.offset())));
        headers.add(REASON_HEADER, utf8(letter.reason()));
        headers.add(CONSUMER_HEADER, utf8(consumer));
        return new ProducerRecord<>(Topics.DEAD_LETTER, null, null, letter.key(), letter.value(), headers);
    }

    /** The failure as a {@link DeadLetterException}, when an async {@link #send} completed exceptionally. */
    public static DeadLetterException failure(DeadLetter letter, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean retriable = cause instanceof RetriableException || cause instanceof org.apache.kafka.common.errors.TimeoutException;
        return new DeadLetterException("the dead letter of " + letter.source() + " was not stored: " + cause, cause, retriable);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
