package io.vigil.devstack;

import io.vigil.contracts.Topics;
import io.vigil.contracts.kafka.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads {@value Topics#DEAD_LETTER} for tests: the letters with the headers that say where each came from. */
public final class DeadLetterTopic {

    /** One dead letter as a test looks at it. */
    public record Letter(String key, byte[] value, String topic, int partition, long offset, String reason, String consumer) {
    }

    private DeadLetterTopic() {
    }

    /** Reads the whole topic, again and again, until a letter matches; fails after the timeout. */
    public static Letter await(String bootstrapServers, Predicate<Letter> match, Duration timeout) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_DEAD_LETTER_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_DEAD_LETTER_BYTES);
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Letter letter = new Letter(record.key(), record.value(),
                            header(record, DeadLetters.TOPIC_HEADER), Integer.parseInt(header(record, DeadLetters.PARTITION_HEADER)),
                            Long.parseLong(header(record, DeadLetters.OFFSET_HEADER)), header(record, DeadLetters.REASON_HEADER),
                            header(record, DeadLetters.CONSUMER_HEADER));
                    if (match.test(letter)) {
                        return letter;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + Topics.DEAD_LETTER + " within " + timeout);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new AssertionError("dead letter at offset " + record.offset() + " lacks the header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
