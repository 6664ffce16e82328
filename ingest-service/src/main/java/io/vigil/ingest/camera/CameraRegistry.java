package io.vigil.ingest.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.InstanceName;
import io.vigil.ingest.publish.MediaPublisher;
import io.vigil.ingest.publish.StatusPublisher;
import io.vigil.ingest.session.CameraSession;
import io.vigil.ingest.session.PieceSink;
import io.vigil.ingest.session.SessionSettings;
import io.vigil.ingest.status.CameraStatusTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cameras this replica runs, each with the config partition it came from. Changes arrive from
 * the config consumer's single thread, so they apply one at a time, in topic order. Created at
 * start-up, so settings that contradict each other stop the service at once.
 */
@Startup
@ApplicationScoped
public class CameraRegistry {

    private static final Logger LOG = Logger.getLogger(CameraRegistry.class);

    private final IngestConfig config;
    private final SessionSettings settings;
    private final MediaPublisher media;
    private final StatusPublisher statuses;
    private final MeterRegistry meters;
    private final String instance;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, RunningCamera> cameras = new ConcurrentHashMap<>();

    @Inject
    public CameraRegistry(IngestConfig config, MediaPublisher media, StatusPublisher statuses, MeterRegistry meters,
                          InstanceName instance) {
        this.config = config;
        this.settings = SessionSettings.of(config);
        this.media = media;
        this.statuses = statuses;
        this.meters = meters;
        this.instance = instance.value();
    }

    void apply(int partition, CameraChange change) {
        if (change instanceof CameraChange.Upsert upsert) {
            upsert(partition, upsert.config());
        } else {
            remove(change.cameraId());
        }
    }

    private void upsert(int partition, CameraConfig next) {
        RunningCamera running = cameras.get(next.id());
        if (running == null) {
            cameras.put(next.id(), start(partition, next, newTracker(next.id())));
            return;
        }
        switch (ConfigReaction.of(running.config(), next)) {
            case IGNORE -> LOG.debugf("camera %s: revision %d already applied", next.id(), next.revision());
            case UPDATE -> {
                running.session().ifPresent(session -> session.rotationSeconds(next.rotationSeconds()));
                cameras.put(next.id(), running.with(next));
                LOG.infof("camera %s: revision %d applied without reconnecting", next.id(), next.revision());
            }
            case RESTART -> {
                running.session().ifPresent(this::stopSession);
                cameras.put(next.id(), start(partition, next, running.status()));
            }
        }
    }

    private void remove(String cameraId) {
        RunningCamera running = cameras.remove(cameraId);
        if (running != null) {
            stop(List.of(running));
            LOG.infof("camera %s: removed", cameraId);
        }
        // also when not running here: the status may be left over from a replica that died
        statuses.remove(cameraId);
    }

    /** Stops the cameras of partitions this replica no longer owns; their new owner publishes their status. */
    void stopPartitions(Collection<Integer> partitions) {
        Set<Integer> moved = Set.copyOf(partitions);
        List<RunningCamera> leaving = cameras.values().stream().filter(camera -> moved.contains(camera.partition())).toList();
        leaving.forEach(camera -> cameras.remove(camera.config().id()));
        stop(leaving);
        if (!leaving.isEmpty()) {
            LOG.infof("stopped %d camera(s) of partitions %s", leaving.size(), moved);
        }
    }

    void stopAll() {
        List<RunningCamera> all = List.copyOf(cameras.values());
        cameras.clear();
        stop(all);
    }

    /** Republishes streaming cameras' status with fresh rates; also notices a stream gone silent inside FFmpeg. */
    @Scheduled(every = "${vigil.ingest.status-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        cameras.values().forEach(camera -> camera.status().heartbeat(config.silenceTimeout()));
    }

    private RunningCamera start(int partition, CameraConfig camera, CameraStatusTracker status) {
        if (camera.mode() == CameraMode.OFF) {
            status.stopped();
            LOG.infof("camera %s: mode off, not connecting", camera.id());
            return new RunningCamera(partition, camera, status, null);
        }
        CameraSession session = new CameraSession(camera, settings, status, sink(camera.mode(), status), clock);
        session.start();
        LOG.infof("camera %s: starting (%s, revision %d)", camera.id(), camera.mode().wireName(), camera.revision());
        return new RunningCamera(partition, camera, status, session);
    }

    private PieceSink sink(CameraMode mode, CameraStatusTracker status) {
        if (mode == CameraMode.CONTINUOUS) {
            return media.sink(status);
        }
        // events: event recording will keep these for pre-roll; until it exists, events mode reports status only
        return piece -> {
        };
    }

    private CameraStatusTracker newTracker(String cameraId) {
        return new CameraStatusTracker(cameraId, instance, statuses::publish, meters, config.statusInterval(), clock,
                System::nanoTime);
    }

    /** Stops all at once, then waits: a partition's cameras stop in the time of the slowest, not of their sum. */
    private void stop(List<RunningCamera> leaving) {
        leaving.forEach(camera -> camera.session().ifPresent(CameraSession::requestStop));
        leaving.forEach(camera -> {
            camera.session().ifPresent(session -> session.awaitStop(stopWait()));
            camera.status().close();
        });
    }

    private void stopSession(CameraSession session) {
        session.requestStop();
        session.awaitStop(stopWait());
    }

    /** A read blocked in FFmpeg returns within the silence timeout; opening may try twice. */
    private Duration stopWait() {
        return config.silenceTimeout().multipliedBy(2).plusSeconds(2);
    }
}
