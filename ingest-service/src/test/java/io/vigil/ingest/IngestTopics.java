package io.vigil.ingest;

import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraEvent;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.CameraStatus;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.MediaPieceCodec;
import io.vigil.contracts.MotionSettings;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Trigger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** What the service tests send to the service and read back from it, through the real broker. */
final class IngestTopics implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final TopicLog media;
    private final TopicLog statuses;
    private final TopicLog events;

    IngestTopics(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        media = new TopicLog(bootstrapServers, Topics.MEDIA);
        statuses = new TopicLog(bootstrapServers, Topics.CAMERA_STATUS);
        events = new TopicLog(bootstrapServers, Topics.EVENTS);
    }

    static CameraConfig config(String id, String url, CameraMode mode, long revision, int rotation) {
        return new CameraConfig(CameraConfig.VERSION, id, id, url, mode, rotation, CameraConfig.DEFAULT_PRE_ROLL_SECONDS,
                CameraConfig.DEFAULT_POST_ROLL_SECONDS, CameraConfig.DEFAULT_MAX_EVENT_SECONDS, MotionSettings.DEFAULT,
                revision, Instant.now());
    }

    /** Mode events, motion off (the test camera's ball would trigger it): only triggers and commands record. */
    static CameraConfig eventsConfig(String id, String url, long revision, int preRollSeconds, int postRollSeconds) {
        MotionSettings noMotion = new MotionSettings(false, MotionSettings.DEFAULT_SENSITIVITY,
                MotionSettings.DEFAULT_MIN_AREA_PERCENT, List.of());
        return new CameraConfig(CameraConfig.VERSION, id, id, url, CameraMode.EVENTS, CameraConfig.DEFAULT_ROTATION_SECONDS,
                preRollSeconds, postRollSeconds, CameraConfig.DEFAULT_MAX_EVENT_SECONDS, noMotion, revision, Instant.now());
    }

    void send(CameraConfig config) throws Exception {
        send(Topics.CAMERA_CONFIG, config.id(), ContractJson.write(config));
    }

    void remove(String cameraId) throws Exception {
        send(Topics.CAMERA_CONFIG, cameraId, null);
    }

    void trigger(Trigger trigger) throws Exception {
        send(Topics.TRIGGERS, trigger.cameraId(), ContractJson.write(trigger));
    }

    void command(CameraCommand command) throws Exception {
        send(Topics.CAMERA_COMMANDS, command.cameraId(), ContractJson.write(command));
    }

    void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    List<MediaPiece> pieces(String cameraId) {
        return media.records(cameraId).stream().map(record -> MediaPieceCodec.decode(record.value())).toList();
    }

    List<ConsumerRecord<String, byte[]>> statusRecords(String cameraId) {
        return statuses.records(cameraId);
    }

    /** Every status of the camera so far, tombstones left out. */
    List<CameraStatus> statuses(String cameraId) {
        return statuses.records(cameraId).stream().map(ConsumerRecord::value).filter(Objects::nonNull)
                .map(value -> ContractJson.read(value, CameraStatus.class)).toList();
    }

    /** The camera's latest status, or null when there is none or it was removed. */
    CameraStatus latestStatus(String cameraId) {
        var records = statuses.records(cameraId);
        if (records.isEmpty() || last(records).value() == null) {
            return null;
        }
        return ContractJson.read(last(records).value(), CameraStatus.class);
    }

    /** The camera's latest status record is a tombstone. */
    boolean statusRemoved(String cameraId) {
        var records = statuses.records(cameraId);
        return !records.isEmpty() && last(records).value() == null;
    }

    List<CameraEvent> events(String cameraId) {
        return events.records(cameraId).stream().map(record -> ContractJson.read(record.value(), CameraEvent.class)).toList();
    }

    static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    @Override
    public void close() {
        producer.close();
        media.close();
        statuses.close();
        events.close();
    }
}
