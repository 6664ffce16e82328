package io.vigil.gateway.playback;

import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.problem.ProblemType;
import io.vigil.gateway.recording.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.vigil.gateway.playback.Footages.footage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipAssemblerTest {

    private static final Footage A = footage(1, "2026-01-01T10:00:00Z", "s1", 10);
    private static final Footage B = footage(2, "2026-01-01T10:00:10Z", "s1", 10);
    private static final Footage C = footage(3, "2026-01-01T10:00:30Z", "s2", 10);

    @TempDir
    Path dir;

    @Test
    void groupsFragmentsIntoRunsPerFileAndStartsATimelineAtEachNewSession() throws IOException {
        byte[] init = init(1);
        Clip clip = assemble(List.of(A, B, C), "10:00:08", "10:00:32", init, init, init);

        assertThat(clip.parts()).extracting(p -> p.file().recordingId()).containsExactly(1L, 2L, 3L);
        assertThat(clip.parts()).extracting(p -> p.fragments().size()).containsExactly(2, 10, 2);
        assertThat(clip.parts()).extracting(ClipPart::newTimeline).containsExactly(true, false, true);
        assertThat(clip.init()).isEqualTo(init);
        assertThat(clip.length()).isEqualTo(Footages.INIT + 14 * Footages.FRAGMENT_BYTES);
    }

    @Test
    void aChangeOfInitSegmentIsAConflictNamingWhereItIs() throws IOException {
        assertThatThrownBy(() -> assemble(List.of(A, B, C), "10:00:08", "10:00:32", init(1), init(1), init(2)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(e.getMessage()).contains("2026-01-01T10:00:30Z").contains("playback.m3u8");
                });
    }

    @Test
    void theTagNamesTheFilesAndTheFragmentsChosen() throws IOException {
        byte[] init = init(1);
        Clip clip = assemble(List.of(A, B), "10:00:08", "10:00:12", init, init);

        assertThat(assemble(List.of(A, B), "10:00:08.500", "10:00:11.500", init, init).tag()).isEqualTo(clip.tag());
        assertThat(assemble(List.of(A, B), "10:00:08", "10:00:13", init, init).tag()).isNotEqualTo(clip.tag());
        // the same fragments of a file that has changed on the volume
        Files.write(dir.resolve("2.mp4"), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        Clip changed = ClipAssembler.assemble(plan(List.of(A, B), "10:00:08", "10:00:12"), f -> Optional.of(dir.resolve(f.recordingId() + ".mp4")));
        assertThat(changed.tag()).isNotEqualTo(clip.tag());
    }

    @Test
    void aFileNoLongerOnTheVolumeIs404() {
        assertThatThrownBy(() -> ClipAssembler.assemble(plan(List.of(A), "10:00:00", "10:00:02"), f -> Optional.empty()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    private Clip assemble(List<Footage> files, String from, String to, byte[]... inits) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            Path file = dir.resolve(files.get(i).recordingId() + ".mp4");
            byte[] content = Arrays.copyOf(inits[i], (int) (Footages.INIT + 10 * Footages.FRAGMENT_BYTES));
            if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
                Files.write(file, content);
            }
        }
        return ClipAssembler.assemble(plan(files, from, to), f -> Optional.of(dir.resolve(f.recordingId() + ".mp4")));
    }

    private static PlaybackPlan plan(List<Footage> files, String from, String to) {
        return PlaybackPlanner.plan(files, new TimeRange(at(from), at(to))).orElseThrow();
    }

    private static byte[] init(int variant) {
        byte[] init = new byte[(int) Footages.INIT];
        Arrays.fill(init, (byte) variant);
        return init;
    }

    private static Instant at(String time) {
        return Instant.parse("2026-01-01T" + time + "Z");
    }
}
