package io.vigil.ingest;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceNameTest {

    @Test
    void theConfiguredIdComesFirstThenTheHostnameVariable() {
        assertThat(InstanceName.resolve(Optional.of(" ingest-7 "), "pod-1")).isEqualTo("ingest-7");
        assertThat(InstanceName.resolve(Optional.empty(), "pod-1")).isEqualTo("pod-1");
        assertThat(InstanceName.resolve(Optional.of(" "), null)).isNotBlank();
    }
}
