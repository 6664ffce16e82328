package io.vigil.ingest.motion;

/**
 * What the scene looks like when nothing moves, one luma value per cell, learned from the analysed
 * frames. Cells that stayed below the change threshold are blended in by half, which averages out
 * the noise of one keyframe and follows slow light changes; cells that changed are taken over at
 * once, so a moving object leaves no ghost: one frame after motion stops, the picture matches the
 * background again.
 */
final class BackgroundModel {

    /** Weight of a new frame for unchanged cells. */
    static final float BLEND = 0.5f;

    private final float[] luma;
    private boolean learned;

    BackgroundModel(int cells) {
        this.luma = new float[cells];
    }

    /** False until the first frame was learned: there is nothing to compare with. */
    boolean learned() {
        return learned;
    }

    /** Forgets the scene: the next frame becomes the background (after a pause, the old one is stale). */
    void forget() {
        learned = false;
    }

    /**
     * Marks in {@code changed} the cells whose luma differs from the background by more than
     * {@code threshold}; returns how many.
     */
    int compare(byte[] frame, int threshold, boolean[] changed) {
        int count = 0;
        for (int cell = 0; cell < luma.length; cell++) {
            boolean moved = Math.abs((frame[cell] & 0xff) - luma[cell]) > threshold;
            changed[cell] = moved;
            if (moved) {
                count++;
            }
        }
        return count;
    }

    /** Learns the frame; {@code changed} is what {@link #compare} marked for it. */
    void learn(byte[] frame, boolean[] changed) {
        if (!learned) {
            for (int cell = 0; cell < luma.length; cell++) {
                luma[cell] = frame[cell] & 0xff;
            }
            learned = true;
            return;
        }
        for (int cell = 0; cell < luma.length; cell++) {
            float value = frame[cell] & 0xff;
            luma[cell] = changed[cell] ? value : luma[cell] + BLEND * (value - luma[cell]);
        }
    }
}
