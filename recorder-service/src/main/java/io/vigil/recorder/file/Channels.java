package io.vigil.recorder.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The few file-channel operations the writers share. */
final class Channels {

    private Channels() {
    }

    /** Writes all of {@code bytes} at {@code position}: one write call may write only part of a buffer. */
    static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    /** Best-effort rollback after a failed write; a failure here is added to the original one. */
    static void truncateQuietly(FileChannel channel, long size, Exception cause) {
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was pending: every write was forced or is in the page cache already
        }
    }

    /** Makes a new file's directory entry durable, so a power loss cannot lose a file we wrote to. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
