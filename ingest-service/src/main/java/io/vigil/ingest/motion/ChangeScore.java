package io.vigil.ingest.motion;

import io.vigil.contracts.Region;

/**
 * How much of the picture changed: the share of the unmasked cells marked changed (0..1), and the
 * smallest rectangle holding them, in relative picture coordinates (null when none changed).
 */
record ChangeScore(double share, Region box) {

    static final ChangeScore NONE = new ChangeScore(0, null);

    static ChangeScore of(boolean[] changed, MotionMask mask, int width, int height) {
        if (mask.visibleCells() == 0) {
            return NONE;
        }
        int count = 0;
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        for (int y = 0, cell = 0; y < height; y++) {
            for (int x = 0; x < width; x++, cell++) {
                if (changed[cell] && !mask.hidden(cell)) {
                    count++;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (count == 0) {
            return NONE;
        }
        Region box = new Region((double) left / width, (double) top / height,
                (double) (right + 1 - left) / width, (double) (bottom + 1 - top) / height);
        return new ChangeScore((double) count / mask.visibleCells(), box);
    }
}
