package io.vigil.contracts.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How full a volume is. Used space is what this process cannot write: total minus usable space,
 * so blocks reserved for root (ext4) count as used and the thresholds hold for a non-root service.
 *
 * @param totalBytes  the file system's size
 * @param usableBytes what this process may still write
 */
public record VolumeUsage(long totalBytes, long usableBytes) {

    public VolumeUsage {
        if (totalBytes < 0 || usableBytes < 0) {
            throw new IllegalArgumentException("negative space: total " + totalBytes + ", usable " + usableBytes);
        }
        usableBytes = Math.min(usableBytes, totalBytes);
    }

    /** One statvfs of the file system holding {@code path}. */
    public static VolumeUsage of(Path path) throws IOException {
        return of(Files.getFileStore(path));
    }

    public static VolumeUsage of(FileStore store) throws IOException {
        return new VolumeUsage(store.getTotalSpace(), store.getUsableSpace());
    }

    public long usedBytes() {
        return totalBytes - usableBytes;
    }

    public long freeBytes() {
        return usableBytes;
    }

    /** 0 to 100; an empty (0-byte) file system counts as full. */
    public double usedPercent() {
        return totalBytes == 0 ? 100.0 : usedBytes() * 100.0 / totalBytes;
    }

    /** Used percent rounded to two decimals, for events and the API. */
    public double usedPercentRounded() {
        return Math.round(usedPercent() * 100.0) / 100.0;
    }

    /** How many bytes must go for usage to fall below {@code percent}. */
    public long bytesAbove(int percent) {
        long allowed = (long) Math.floor(totalBytes * (percent / 100.0));
        return Math.max(0, usedBytes() - allowed + 1);
    }
}
