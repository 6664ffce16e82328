package io.vigil.indexer.storage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.StorageEvent;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DeadLetterTopic;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.indexer.RecordingsRootResource;
import io.vigil.indexer.TestClients;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The recorder's "recordings refused" events become storage_full gaps, which win over any other cause. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingsRootResource.class, restrictToAnnotatedClass = true)
class StorageFullGapTest {

    private static final Instant FROM = Instant.parse("2026-11-22T10:00:00Z");

    @Inject
    TestClients clients;

    @Test
    void aRefusalBecomesOneGapWidenedByItsEndAndStorageFullWins() throws Exception {
        try (Connection sql = clients.catalog();
             KafkaProducer<String, byte[]> producer = clients.producer()) {
            // another cause got there first (gap detection writes with "on conflict do nothing")
            try (PreparedStatement insert = sql.prepareStatement("""
                    insert into gap (camera_id, start_time, end_time, cause, detail, created_at)
                    values ('yard', ?, ?, 'reconnect', null, now())""")) {
                insert.setTimestamp(1, Timestamp.from(FROM));
                insert.setTimestamp(2, Timestamp.from(FROM.plusSeconds(1)));
                insert.executeUpdate();
            }
            send(producer, "door", StorageEvent.recordingsRefused(FROM, "rec", 91, 90, "door", FROM, FROM.plusSeconds(1), 1, true));
            send(producer, "yard", StorageEvent.recordingsRefused(FROM, "rec", 91, 90, "yard", FROM, FROM.plusSeconds(2), 2, true));
            long malformed = producer.send(new ProducerRecord<>(Topics.STORAGE, "door", "not json".getBytes(StandardCharsets.UTF_8)))
                    .get().offset();
            send(producer, "door", StorageEvent.recordingsRefused(FROM.plusSeconds(30), "rec", 85, 90, "door", FROM,
                    FROM.plusSeconds(30), 30, false));

            await().atMost(Duration.ofSeconds(30)).until(() -> "storage_full 30".equals(gap(sql, "door")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "storage_full 2".equals(gap(sql, "yard")));
            assertThat(count(sql)).isEqualTo(2);
            DeadLetterTopic.Letter letter = DeadLetterTopic.await(clients.bootstrapServers(),
                    found -> Topics.STORAGE.equals(found.topic()) && found.offset() == malformed && "door".equals(found.key()),
                    Duration.ofSeconds(30));
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
            assertThat(letter.consumer()).isEqualTo("vigil-indexer");
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, StorageEvent event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.STORAGE, key, ContractJson.write(event))).get();
    }

    /** "cause seconds-long" of the camera's gap at FROM, or null. */
    private static String gap(Connection sql, String camera) throws Exception {
        try (PreparedStatement query = sql.prepareStatement("""
                select cause, extract(epoch from end_time - start_time)::int, detail from gap
                where camera_id = ? and start_time = ?""")) {
            query.setString(1, camera);
            query.setTimestamp(2, Timestamp.from(FROM));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) + " " + row.getInt(2) : null;
            }
        }
    }

    private static long count(Connection sql) throws Exception {
        try (PreparedStatement query = sql.prepareStatement("select count(*) from gap"); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
