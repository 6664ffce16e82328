package io.vigil.indexer.probe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.indexer.SampleRecording;
import io.vigil.indexer.metrics.IndexerMetrics;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FfprobeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Ffprobe ffprobe = new Ffprobe(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), Duration.ofSeconds(30),
            new IndexerMetrics(registry));

    @Test
    void describesARealRecording() throws ProbeException {
        ProbeResult result = ffprobe.probe(SampleRecording.file());

        assertThat(result.codec()).isEqualTo("h264");
        assertThat(result.width()).isEqualTo(1280);
        assertThat(result.height()).isEqualTo(720);
        assertThat(result.fps()).isCloseTo(25.0, within(0.01));
        assertThat(result.durationMicros()).isCloseTo(SampleRecording.SECONDS * 1_000_000L, within(50_000L));
        assertThat(registry.get("vigil.indexer.probe.time").timer().count()).isEqualTo(1);
        assertThat(registry.get("vigil.indexer.probe.failures").counter().count()).isZero();
    }

    @Test
    void saysClearlyWhenAFileIsNoVideo(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are not the frames you are looking for\n");

        assertThatThrownBy(() -> ffprobe.probe(text)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("ffprobe failed").hasMessageContaining("Invalid data found");
        assertThat(registry.get("vigil.indexer.probe.failures").counter().count()).isEqualTo(1);
    }

    @Test
    void saysClearlyWhenAFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> ffprobe.probe(dir.resolve("gone.mp4"))).isInstanceOf(ProbeException.class)
                .hasMessageContaining("No such file");
    }

    @Test
    void stopsAProbeThatTakesTooLong(@TempDir Path dir) throws IOException {
        // a FIFO nobody writes to: ffprobe blocks opening it until it is killed
        Path fifo = dir.resolve("stuck.mp4");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().onExit().join().exitValue()).isZero();
        Ffprobe impatient = new Ffprobe(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), Duration.ofMillis(500),
                new IndexerMetrics(registry));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.probe(fifo)).isInstanceOf(ProbeException.class).hasMessageContaining("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
