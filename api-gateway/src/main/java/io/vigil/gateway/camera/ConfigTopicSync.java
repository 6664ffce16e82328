package io.vigil.gateway.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.Topics;
import io.vigil.gateway.kafka.OffEventLoop;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the camera-config topic match the camera table: at start-up and then periodically, every
 * camera whose latest record differs from its row is published again, and a camera left on the topic
 * without a row gets its tombstone. This repairs whatever a crash between Kafka's acknowledgement and
 * the database commit, or a change made in the database by hand, left behind.
 */
@ApplicationScoped
public class ConfigTopicSync {

    private static final Logger LOG = Logger.getLogger(ConfigTopicSync.class);

    private final CameraRepository cameras;
    private final ConfigTopicReader topic;
    private final CameraConfigPublisher publisher;
    private final MeterRegistry meters;

    ConfigTopicSync(CameraRepository cameras, ConfigTopicReader topic, CameraConfigPublisher publisher, MeterRegistry meters) {
        this.cameras = cameras;
        this.topic = topic;
        this.publisher = publisher;
        this.meters = meters;
    }

    /** After the topics exist ({@link io.vigil.gateway.TopicSetup}); a gateway that cannot sync does not start. */
    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        int repaired = VertxContextSupport.subscribeAndAwait(this::sync);
        LOG.infof("%s matches the camera table (%d records repaired)", Topics.CAMERA_CONFIG, repaired);
    }

    @Scheduled(every = "${vigil.gateway.reconcile-interval}", delayed = "${vigil.gateway.reconcile-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            int repaired = VertxContextSupport.subscribeAndAwait(this::sync);
            if (repaired > 0) {
                LOG.warnf("repaired %d records of %s", repaired, Topics.CAMERA_CONFIG);
            }
        } catch (Throwable e) {
            LOG.warnf("could not compare %s with the camera table, will try again: %s", Topics.CAMERA_CONFIG, e.getMessage());
        }
    }

    /** @return how many records were published to repair the topic */
    @WithTransaction
    public Uni<Integer> sync() {
        return cameras.lockAgainstWrites()
                .chain(() -> cameras.listAll())
                .chain(rows -> OffEventLoop.call(topic::latest).chain(latest -> repair(rows, latest)));
    }

    private Uni<Integer> repair(List<Camera> rows, Map<String, byte[]> latest) {
        Map<String, CameraConfig> fixes = new HashMap<>();
        for (Camera camera : rows) {
            CameraConfig config = camera.toConfig();
            if (!Arrays.equals(ContractJson.write(config), latest.get(camera.id()))) {
                fixes.put(camera.id(), config);
            }
        }
        Set<String> known = rows.stream().map(Camera::id).collect(Collectors.toSet());
        latest.forEach((id, value) -> {
            if (value != null && !known.contains(id)) {
                fixes.put(id, null);
            }
        });
        if (fixes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        meters.counter("vigil.gateway.config.repaired").increment(fixes.size());
        return publisher.publishAll(fixes).replaceWith(fixes.size());
    }
}
