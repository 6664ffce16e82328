package io.vigil.ingest.kafka;

import io.smallrye.common.annotation.Identifier;
import io.vigil.contracts.Topics;
import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.InstanceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the service's Kafka clients. Every {@code kafka.*} property (bootstrap
 * servers, TLS, SASL) is shared; on top, each client gets the settings its job depends on, which are
 * not meant to be tuned away.
 */
@ApplicationScoped
public class KafkaClients {

    public static final String CONFIG_GROUP = "vigil-ingest";
    public static final String IMPORT_GROUP = "vigil-ingest-imports";

    /** How long the group waits for a silent replica before its cameras move (docs/delivery.md). */
    static final java.time.Duration FAILOVER_SESSION_TIMEOUT = java.time.Duration.ofSeconds(6);

    /** The media topic takes records up to this size (Topics: max.message.bytes). */
    static final int MAX_REQUEST_BYTES = Topics.MAX_MEDIA_RECORD_BYTES + 1024 * 1024;

    private final Map<String, Object> common;
    private final IngestConfig config;
    private final String instance;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common, IngestConfig config, InstanceName instance) {
        this.common = Map.copyOf(common);
        this.config = config;
        this.instance = instance.value();
    }

    /** The topic provisioning's admin client: the shared settings (TLS, SASL) as they are. */
    public Map<String, Object> admin() {
        return common;
    }

    /** Reads the camera configuration; offsets are never read (state is rebuilt from the start), only committed to keep the group. */
    public Map<String, Object> configConsumer() {
        Map<String, Object> settings = base("config");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, CONFIG_GROUP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // only the partitions that move are revoked, so a rebalance leaves the other cameras running
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class.getName()));
        // a replica that dies without leaving the group (kill -9, lost node) holds its cameras until its
        // session expires: 6 s (the broker's minimum; Kafka's default is 45 s) keeps a failover, camera
        // restart included, within 15 s; a pause longer than that moves the cameras, which the gap explains
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) FAILOVER_SESSION_TIMEOUT.toMillis());
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) FAILOVER_SESSION_TIMEOUT.toMillis() / 3);
        return settings;
    }

    /**
     * Reads manual-recording commands and external triggers: every partition, assigned, without a
     * group (every replica reads them all and acts on its own cameras), nothing committed.
     */
    public Map<String, Object> controlConsumer() {
        Map<String, Object> settings = base("control");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return settings;
    }

    /**
     * Reads import commands in group {@value #IMPORT_GROUP}: the import id is the key, so one replica runs
     * an import and sees its cancel. Offsets are committed once a command was acted on (a job started or
     * cancelled), so an import is started once, not again by the next owner of the partition.
     */
    public Map<String, Object> importConsumer() {
        Map<String, Object> settings = base("imports");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, IMPORT_GROUP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class.getName()));
        return settings;
    }

    /** Media pieces: large records, in order per camera, never duplicated by a retry. */
    public Map<String, Object> mediaProducer() {
        IngestConfig.MediaProducer media = config.mediaProducer();
        Map<String, Object> settings = idempotentProducer("media");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, media.bufferMemory());
        // H.264 does not compress further; compressing would only cost CPU
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) media.linger().toMillis());
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) media.deliveryTimeout().toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, media.deliveryTimeout().toMillis()));
        // a camera thread waits at most this long for room in the buffer, then its session fails and reconnects
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return settings;
    }

    /** Camera status: small records, sent at once. */
    public Map<String, Object> statusProducer() {
        Map<String, Object> settings = idempotentProducer("status");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // a status that cannot be sent soon is stale anyway; the next change or heartbeat sends a newer one
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        return settings;
    }

    /** Camera events: small records, sent from a thread of their own, so waiting for Kafka never holds up a camera. */
    public Map<String, Object> eventProducer() {
        Map<String, Object> settings = idempotentProducer("events");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return settings;
    }

    private Map<String, Object> idempotentProducer(String role) {
        Map<String, Object> settings = base(role);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // at most 5 requests in flight keeps records in order with idempotence
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return settings;
    }

    private Map<String, Object> base(String role) {
        Map<String, Object> settings = new HashMap<>(common);
        // Quarkus adds a default group id to the shared settings; only the consumer has a group
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, "vigil-ingest-" + role + "-" + instance);
        return settings;
    }
}
