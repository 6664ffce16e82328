package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;

import java.nio.file.Path;
import java.util.List;

/**
 * A run of consecutive fragments of one file in a clip.
 *
 * @param newTimeline whether its decode times start over (another session than the part before)
 */
record ClipPart(Footage file, Path path, List<Fragment> fragments, boolean newTimeline) {

    long bytes() {
        return fragments.stream().mapToLong(Fragment::size).sum();
    }
}
