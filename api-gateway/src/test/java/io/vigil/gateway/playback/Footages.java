package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Footage as the catalog would hold it, for the planner's and playlist's tests. */
final class Footages {

    static final long INIT = 800;
    static final long FRAGMENT_BYTES = 10_000;

    private Footages() {
    }

    /** {@code seconds} fragments of one second each, back to back after an init of 800 bytes. */
    static Footage footage(long id, String start, String session, int seconds) {
        return footage(id, start, session, "avc1.64001f", 1280, 720, durations(seconds, 1_000_000));
    }

    static Footage footage(long id, String start, String session, String codec, int width, int height, long... durations) {
        List<Fragment> fragments = new ArrayList<>();
        long offset = INIT;
        long time = 0;
        for (long duration : durations) {
            fragments.add(new Fragment(offset, FRAGMENT_BYTES, time, duration));
            offset += FRAGMENT_BYTES;
            time += duration;
        }
        return new Footage(id, "cam/" + id + ".mp4", Instant.parse(start), session, codec, width, height,
                new FragmentIndex(INIT, fragments));
    }

    static long[] durations(int count, long micros) {
        long[] durations = new long[count];
        java.util.Arrays.fill(durations, micros);
        return durations;
    }
}
