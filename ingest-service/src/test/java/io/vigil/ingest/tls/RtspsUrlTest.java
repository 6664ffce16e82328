package io.vigil.ingest.tls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtspsUrlTest {

    @Test
    void theRelayedUrlKeepsCredentialsPathAndQuery() {
        RtspsUrl url = RtspsUrl.parse("rtsps://admin:p%40ss:w@rd@cam.example:8322/Streaming/Channels/101?transportmode=unicast&profile=1");
        assertThat(url.host()).isEqualTo("cam.example");
        assertThat(url.port()).isEqualTo(8322);
        assertThat(url.relayed(40000))
                .isEqualTo("rtsp://admin:p%40ss:w@rd@127.0.0.1:40000/Streaming/Channels/101?transportmode=unicast&profile=1");
        assertThat(url.toString()).doesNotContain("admin", "rd").contains("***@cam.example:8322");
    }

    @Test
    void theDefaultPortIs322AndIpv6HostsLoseTheirBrackets() {
        assertThat(RtspsUrl.parse("rtsps://10.0.0.5/live").port()).isEqualTo(322);
        RtspsUrl v6 = RtspsUrl.parse("RTSPS://[fd00::5]:7322");
        assertThat(v6.host()).isEqualTo("fd00::5");
        assertThat(v6.port()).isEqualTo(7322);
        assertThat(v6.relayed(1234)).isEqualTo("rtsp://127.0.0.1:1234");
    }

    @Test
    void aBadPortOrNoHostIsRefusedWithoutTheCredentials() {
        assertThatThrownBy(() -> RtspsUrl.parse("rtsps://user:secret@cam:99999/x"))
                .hasMessageNotContaining("secret").hasMessageContaining("99999");
        assertThatThrownBy(() -> RtspsUrl.parse("rtsps://user:secret@/x")).hasMessage("the rtsps URL has no host");
    }
}
