package io.vigil.ingest.imports;

import io.vigil.ingest.publish.MediaPublisher;
import io.vigil.ingest.session.SessionSettings;

import java.time.Clock;
import java.time.Duration;

/** What every import job runs with. */
record ImportContext(SessionSettings settings, MediaPublisher media, ImportStatusPublisher statuses, String instance,
                     Clock clock, Duration progressInterval) {
}
