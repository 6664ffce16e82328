package io.vigil.gateway.camera;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Topics;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import io.vigil.gateway.TestCatalog;
import io.vigil.gateway.TestKafka;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The config topic is brought back in line with the camera table, whatever happened behind the gateway's back. */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ConfigTopicSyncTest {

    @Inject
    ConfigTopicSync sync;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void missingChangedAndOrphanedRecordsAreRepaired() throws Throwable {
        // a row the topic never heard of, as after a crash between Kafka's ack and the commit (or a hand edit)
        TestCatalog.execute("""
                insert into camera (id, name, url, mode, rotation_seconds, revision, created_at, updated_at)
                values ('sync-by-hand', 'By hand', 'rtsp://u:p@cam/by-hand', 'events', 60, 4,
                        '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')""");
        // a record whose row is gone
        CameraConfig orphan = new CameraConfig(CameraConfig.VERSION, "sync-orphan", "Orphan", "rtsp://cam/orphan",
                CameraMode.CONTINUOUS, 900, 5, 10, 1800, MotionSettings.DEFAULT, 1, Instant.parse("2026-01-01T00:00:00Z"));
        TestKafka.send(kafka, Topics.CAMERA_CONFIG, "sync-orphan", ContractJson.write(orphan));

        int repaired = VertxContextSupport.subscribeAndAwait(sync::sync);

        assertThat(repaired).isGreaterThanOrEqualTo(2);
        assertThat(latest("sync-by-hand")).isEqualTo(new CameraConfig(CameraConfig.VERSION, "sync-by-hand", "By hand",
                "rtsp://u:p@cam/by-hand", CameraMode.EVENTS, 60, 5, 10, 1800, MotionSettings.DEFAULT, 4,
                Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(latest("sync-orphan")).as("tombstone").isNull();

        int recordsBefore = TestKafka.records(kafka, Topics.CAMERA_CONFIG).size();
        assertThat(VertxContextSupport.subscribeAndAwait(sync::sync)).as("nothing left to repair").isZero();
        assertThat(TestKafka.records(kafka, Topics.CAMERA_CONFIG)).hasSize(recordsBefore);
    }

    private CameraConfig latest(String id) {
        List<ConsumerRecord<String, byte[]>> history = TestKafka.records(kafka, Topics.CAMERA_CONFIG, id);
        assertThat(history).as("records of " + id).isNotEmpty();
        byte[] value = history.get(history.size() - 1).value();
        return value == null ? null : ContractJson.read(value, CameraConfig.class);
    }
}
