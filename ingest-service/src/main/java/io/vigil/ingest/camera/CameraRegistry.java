package io.vigil.ingest.camera;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vigil.contracts.CameraConfig;
import io.vigil.contracts.CameraMode;
import io.vigil.contracts.SessionCause;
import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.InstanceName;
import io.vigil.ingest.event.EventRecorder;
import io.vigil.ingest.event.EventSettings;
import io.vigil.ingest.event.PreRollBudget;
import io.vigil.ingest.publish.EventPublisher;
import io.vigil.ingest.publish.MediaPublisher;
import io.vigil.ingest.publish.StatusPublisher;
import io.vigil.ingest.session.CameraSession;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The cameras this replica runs, each with the config partition it came from, its status and its
 * event recorder. Changes arrive from the config consumer's single thread, so they apply one at a
 * time, in topic order. Created at start-up, so settings that contradict each other stop the service
 * at once. All cameras' pre-roll buffers share one {@link PreRollBudget}.
 */
@Startup
@ApplicationScoped
public class CameraRegistry {

    private static final Logger LOG = Logger.getLogger(CameraRegistry.class);

    private final IngestConfig config;
    private final SessionSettings settings;
    private final MediaPublisher media;
    private final StatusPublisher statuses;
    private final EventPublisher events;
    private final MeterRegistry meters;
    private final PreRollBudget budget;
    private final String instance;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, RunningCamera> cameras = new ConcurrentHashMap<>();
    /** The fencing token of each config partition owned here: the group generation that assigned it. */
    private final Map<Integer, Long> epochs = new ConcurrentHashMap<>();
    private final List<Consumer<String>> startListeners = new CopyOnWriteArrayList<>();

    @Inject
    public CameraRegistry(IngestConfig config, MediaPublisher media, StatusPublisher statuses, EventPublisher events,
                          MeterRegistry meters, InstanceName instance) {
        this.config = config;
        this.settings = SessionSettings.of(config);
        this.media = media;
        this.statuses = statuses;
        this.events = events;
        this.meters = meters;
        this.budget = new PreRollBudget(config.preRoll().budget(), meters, System::nanoTime);
        this.instance = instance.value();
    }

    /** The event recorder of a camera this replica runs (not in mode off); empty when it runs elsewhere or nowhere. */
    public Optional<EventRecorder> recorder(String cameraId) {
        return Optional.ofNullable(cameras.get(cameraId))
                .filter(camera -> camera.config().mode() != CameraMode.OFF)
                .map(RunningCamera::recorder);
    }

    /** Called with the camera's id, on the config thread, whenever a camera starts recording here (new, moved here, or mode off left). */
    public void onCameraStarted(Consumer<String> listener) {
        startListeners.add(listener);
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
            CameraStatusTracker status = newTracker(next.id());
            started(start(partition, next, status, newRecorder(next, status), SessionCause.START));
            return;
        }
        switch (ConfigReaction.of(running.config(), next)) {
            case IGNORE -> LOG.debugf("camera %s: revision %d already applied", next.id(), next.revision());
            case UPDATE -> {
                running.recorder().update(EventSettings.of(next));
                running.session().ifPresent(session -> {
                    session.rotationSeconds(next.rotationSeconds());
                    session.motion(next.motion());
                });
                cameras.put(next.id(), running.with(next));
                LOG.infof("camera %s: revision %d applied without reconnecting", next.id(), next.revision());
            }
            case RESTART -> {
                running.session().ifPresent(this::stopSession);
                running.recorder().update(EventSettings.of(next));
                RunningCamera restarted = start(partition, next, running.status(), running.recorder(), SessionCause.CONFIG);
                if (running.config().mode() == CameraMode.OFF) {
                    started(restarted);
                } else {
                    cameras.put(next.id(), restarted);
                }
            }
        }
    }

    private void started(RunningCamera camera) {
        cameras.put(camera.config().id(), camera);
        if (camera.config().mode() != CameraMode.OFF) {
            startListeners.forEach(listener -> {
                try {
                    listener.accept(camera.config().id());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "camera %s: applying its manual recording or triggers failed", camera.config().id());
                }
            });
        }
    }

    private void remove(String cameraId) {
        RunningCamera running = cameras.remove(cameraId);
        if (running != null) {
            stop(List.of(running), false);
            LOG.infof("camera %s: removed", cameraId);
        }
        // also when not running here: the status may be left over from a replica that died
        statuses.remove(cameraId);
    }

    /**
     * The partitions were assigned to this replica in group generation {@code generation}: the cameras
     * started from them carry it as their fencing token. A generation only grows, so the next owner of a
     * partition stamps a higher one than any replica that owned it before.
     */
    void assigned(Collection<Integer> partitions, int generation) {
        partitions.forEach(partition -> {
            if (generation >= 0) {
                epochs.put(partition, (long) generation);
            } else {
                epochs.remove(partition);
            }
        });
    }

    /** Stops the cameras of partitions this replica no longer owns; their new owner publishes their status. */
    void stopPartitions(Collection<Integer> partitions) {
        Set<Integer> moved = Set.copyOf(partitions);
        moved.forEach(epochs::remove);
        List<RunningCamera> leaving = cameras.values().stream().filter(camera -> moved.contains(camera.partition())).toList();
        leaving.forEach(camera -> cameras.remove(camera.config().id()));
        stop(leaving, true);
        if (!leaving.isEmpty()) {
            LOG.infof("stopped %d camera(s) of partitions %s", leaving.size(), moved);
        }
    }

    void stopAll() {
        List<RunningCamera> all = List.copyOf(cameras.values());
        cameras.clear();
        epochs.clear();
        stop(all, true);
    }

    /** Ends manual recordings whose time is up, and events whose post-roll passed while their camera sent nothing. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        cameras.values().forEach(camera -> camera.recorder().tick());
    }

    /** Republishes streaming cameras' status with fresh rates; also notices a stream gone silent inside FFmpeg. */
    @Scheduled(every = "${vigil.ingest.status-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        cameras.values().forEach(camera -> camera.status().heartbeat(config.silenceTimeout()));
    }

    /** @param cause start for a camera new to this replica, config for one restarted with a new configuration */
    private RunningCamera start(int partition, CameraConfig camera, CameraStatusTracker status, EventRecorder recorder,
                                SessionCause cause) {
        if (camera.mode() == CameraMode.OFF) {
            status.stopped();
            LOG.infof("camera %s: mode off, not connecting", camera.id());
            return new RunningCamera(partition, camera, status, recorder, null);
        }
        // the recorder takes every piece and every motion change, and decides what reaches Kafka
        CameraSession session = new CameraSession(camera, settings, status, recorder, recorder, clock, cause, instance,
                epochs.get(partition));
        session.start();
        LOG.infof("camera %s: starting (%s, revision %d, owner epoch %s)", camera.id(), camera.mode().wireName(),
                camera.revision(), epochs.get(partition));
        return new RunningCamera(partition, camera, status, recorder, session);
    }

    private CameraStatusTracker newTracker(String cameraId) {
        return new CameraStatusTracker(cameraId, instance, statuses::publish, meters, config.statusInterval(), clock,
                System::nanoTime);
    }

    private EventRecorder newRecorder(CameraConfig camera, CameraStatusTracker status) {
        EventRecorder recorder = new EventRecorder(camera.id(), EventSettings.of(camera),
                budget.newBuffer(camera.id(), config.preRoll().maxBytesPerCamera()),
                new EventRecorder.Outputs(media.sink(status), events::publish, status::recordingChanged, instance),
                meters, clock);
        status.recordingFrom(recorder::status);
        return recorder;
    }

    /**
     * Stops all at once, then waits: a partition's cameras stop in the time of the slowest, not of their
     * sum. A running event ends (event.ended) once its camera's last piece is out, except a manual
     * recording of a camera {@code handedOver} to another replica, which resumes it.
     */
    private void stop(List<RunningCamera> leaving, boolean handedOver) {
        leaving.forEach(camera -> camera.session().ifPresent(CameraSession::requestStop));
        leaving.forEach(camera -> {
            camera.session().ifPresent(session -> session.awaitStop(stopWait()));
            // status first: the camera's next owner publishes its status, nothing from here may overtake it
            camera.status().close();
            camera.recorder().close(handedOver);
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
