package io.vigil.gateway.manual;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ManualRecordingRepository implements PanacheRepositoryBase<ManualRecording, String> {
}
