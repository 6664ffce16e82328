package io.vigil.ingest.motion;

import io.vigil.contracts.Region;

import java.util.List;

/**
 * Which cells of the analysis picture the masks hide. A cell is hidden when its centre lies in a
 * mask, so a mask on half the picture hides exactly half the cells. A region reaching outside the
 * picture is clipped to it; one with no area (or NaN) hides nothing.
 */
final class MotionMask {

    private final boolean[] hidden;
    private final int visible;

    private MotionMask(boolean[] hidden) {
        this.hidden = hidden;
        int count = 0;
        for (boolean cell : hidden) {
            if (!cell) {
                count++;
            }
        }
        this.visible = count;
    }

    static MotionMask of(List<Region> masks, int width, int height) {
        boolean[] hidden = new boolean[width * height];
        for (Region mask : masks) {
            hide(hidden, mask, width, height);
        }
        return new MotionMask(hidden);
    }

    boolean hidden(int cell) {
        return hidden[cell];
    }

    /** How many cells count: the denominator of the score. */
    int visibleCells() {
        return visible;
    }

    private static void hide(boolean[] hidden, Region mask, int width, int height) {
        double left = Math.max(0, mask.x());
        double top = Math.max(0, mask.y());
        double right = Math.min(1, mask.x() + mask.width());
        double bottom = Math.min(1, mask.y() + mask.height());
        if (!(right > left && bottom > top)) {
            return; // empty, or NaN somewhere
        }
        // the cells whose centre (i + 0.5) / size lies in [left, right)
        int firstColumn = firstCentreAtOrAfter(left, width);
        int endColumn = firstCentreAtOrAfter(right, width);
        int firstRow = firstCentreAtOrAfter(top, height);
        int endRow = firstCentreAtOrAfter(bottom, height);
        for (int y = firstRow; y < endRow; y++) {
            for (int x = firstColumn; x < endColumn; x++) {
                hidden[y * width + x] = true;
            }
        }
    }

    private static int firstCentreAtOrAfter(double edge, int size) {
        int index = (int) Math.ceil(edge * size - 0.5);
        return Math.max(0, Math.min(size, index));
    }
}
