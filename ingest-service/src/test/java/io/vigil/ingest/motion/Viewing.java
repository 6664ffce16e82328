package io.vigil.ingest.motion;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

/**
 * Plays recorded files, one after the other, into one {@link MotionWatch} on one clock: each packet
 * is shot at its own timestamp (a starved test camera sends fewer frames, its keyframes stay a second
 * apart), the first file from {@code START}, the next one frame after the last. Keeps what the watch said.
 */
final class Viewing {

    static final Instant START = Instant.parse("2024-03-01T12:00:00Z");
    static final Duration FRAME = Duration.ofMillis(40);

    /** A change and the keyframe (1 = the first) whose packet reported it. */
    record Seen(MotionChange change, int keyframe) {
    }

    private final MotionWatch watch;
    private final List<Seen> changes = new ArrayList<>();
    private final List<Double> scores = new ArrayList<>();
    private final List<Instant> keyframeTimes = new ArrayList<>();
    private Instant nextFileStart = START;

    Viewing(MotionWatch watch) {
        this.watch = watch;
    }

    /** Plays the whole file. */
    Viewing play(Path file) {
        return play(file, Integer.MAX_VALUE);
    }

    /** Plays the file up to and including its {@code keyframes}-th keyframe. */
    Viewing play(Path file, int keyframes) {
        try (RecordedVideo video = RecordedVideo.open(file)) {
            int[] seen = {0};
            Instant fileStart = nextFileStart;
            video.forEachVideoPacket(packet -> {
                boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                if (seen[0] >= keyframes) {
                    return;
                }
                Instant at = fileStart.plus(video.shotAfterFirst(packet));
                nextFileStart = at.plus(FRAME);
                Optional<MotionChange> change = watch.observe(packet, at);
                if (key) {
                    seen[0]++;
                    keyframeTimes.add(at);
                    scores.add(watch.lastScore());
                }
                change.ifPresent(c -> changes.add(new Seen(c, keyframeTimes.size())));
            });
        }
        return this;
    }

    List<Seen> changes() {
        return changes;
    }

    List<MotionChange> started() {
        return changes.stream().map(Seen::change).filter(MotionChange.Started.class::isInstance).toList();
    }

    List<MotionChange> ended() {
        return changes.stream().map(Seen::change).filter(MotionChange.Ended.class::isInstance).toList();
    }

    /** lastScore() after each keyframe, in order. */
    List<Double> scores() {
        return scores;
    }

    /** When the n-th keyframe (1 = the first) was shot. */
    Instant keyframe(int n) {
        return keyframeTimes.get(n - 1);
    }

    /** The first keyframe shot at least {@code period} after the {@code n}-th: where a confirm or quiet gate opens. */
    int firstKeyframeAfter(int n, Duration period) {
        Instant due = keyframe(n).plus(period);
        for (int k = n + 1; k <= keyframes(); k++) {
            if (!keyframe(k).isBefore(due)) {
                return k;
            }
        }
        throw new AssertionError("no keyframe " + period + " after keyframe " + n + " in " + keyframeTimes);
    }

    int keyframes() {
        return keyframeTimes.size();
    }
}
