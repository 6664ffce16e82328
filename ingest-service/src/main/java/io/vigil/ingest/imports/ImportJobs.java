package io.vigil.ingest.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.vigil.contracts.ImportCommand;
import io.vigil.contracts.SourceStop;
import io.vigil.ingest.IngestConfig;
import io.vigil.ingest.InstanceName;
import io.vigil.ingest.publish.MediaPublisher;
import io.vigil.ingest.session.SessionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The imports running on this replica, started and cancelled from the import topic. */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** Imports this replica already took: a start read again (after a rebalance before the commit) is not run twice. */
    private static final int REMEMBERED = 10_000;

    private final ImportContext context;
    private final Map<String, ImportJob> running = new ConcurrentHashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();
    /** Renews every running import's status each progress interval, also while its copy waits. */
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-renewal");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public ImportJobs(IngestConfig config, MediaPublisher media, ImportStatusPublisher statuses, InstanceName instance) {
        this.context = new ImportContext(SessionSettings.of(config), media, statuses, instance.value(), Clock.systemUTC(),
                config.sources().progressInterval());
        long every = context.progressInterval().toMillis();
        renewal.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewAll() {
        try {
            running.values().forEach(ImportJob::renew);
        } catch (RuntimeException e) {
            LOG.warnf("import status renewal failed, the next one retries: %s", e.toString());
        }
    }

    synchronized void start(ImportCommand command) {
        if (!seen.add(command.importId())) {
            LOG.debugf("import %s: already taken here", command.importId());
            return;
        }
        if (seen.size() > REMEMBERED) {
            seen.remove(seen.iterator().next());
        }
        ImportJob job = new ImportJob(command, context, () -> running.remove(command.importId()));
        running.put(job.id(), job);
        job.start();
    }

    /** Whether the import runs here; it stops within a packet or a retry wait. */
    boolean cancel(String importId) {
        ImportJob job = running.get(importId);
        if (job == null) {
            return false;
        }
        job.cancel(SourceStop.USER);
        return true;
    }

    void onStop(@Observes ShutdownEvent event) {
        renewal.shutdownNow();
        List<ImportJob> jobs = List.copyOf(running.values());
        jobs.forEach(job -> job.cancel(SourceStop.ERROR));
        jobs.forEach(job -> job.awaitStop(10_000));
    }
}
