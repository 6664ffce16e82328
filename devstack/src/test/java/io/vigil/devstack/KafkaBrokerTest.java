package io.vigil.devstack;

import io.vigil.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    static Path workDir;
    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(workDir);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void createsEveryVigilTopicWithItsSettings() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
            assertThat(admin.describeTopics(List.of(Topics.MEDIA)).allTopicNames().get().get(Topics.MEDIA).partitions())
                    .hasSize(Topics.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void deliversWhatIsProducedToAConsumerGroup() {
        String key = UUID.randomUUID().toString();
        produce(key, "first");
        assertThat(consume(key)).containsExactly("first");
    }

    @Test
    void keepsRecordsAcrossAKillAndARestart() {
        String key = UUID.randomUUID().toString();
        produce(key, "before the crash");
        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.restart();
        assertThat(broker.isRunning()).isTrue();
        produce(key, "after the restart");
        assertThat(consume(key)).containsExactly("before the crash", "after the restart");
    }

    private void produce(String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RECORDINGS, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + broker.bootstrapServers(), e);
        }
    }

    /** The values of {@code key}'s records, read from the start by a new consumer group. */
    private List<String> consume(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RECORDINGS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // the records of one key are in one partition, in order; a short quiet period after the first ends the read
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    if (record.key().equals(key)) {
                        values.add(record.value());
                    }
                }
                if (!values.isEmpty() && records.isEmpty()) {
                    break;
                }
            }
        }
        return values;
    }
}
