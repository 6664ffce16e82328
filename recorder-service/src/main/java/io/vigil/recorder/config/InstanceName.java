package io.vigil.recorder.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The name this replica signs its recorder status with: the configured id, else $HOSTNAME (the pod name), else the host name. */
@ApplicationScoped
public class InstanceName {

    private final String value;

    @Inject
    public InstanceName(RecorderConfig config) {
        this.value = resolve(config.instanceId(), System.getenv("HOSTNAME"));
    }

    static String resolve(Optional<String> configured, String hostnameVariable) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().strip();
        }
        if (hostnameVariable != null && !hostnameVariable.isBlank()) {
            return hostnameVariable.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "recorder";
        }
    }

    public String value() {
        return value;
    }
}
