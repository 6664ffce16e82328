package io.vigil.recorder.file;

import io.vigil.contracts.ContractJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to a journal. It remembers how long the journal was after the last complete line,
 * and a line whose write or fsync fails is cut off again: a retried piece must not leave a second
 * line with the same offset behind (recovery stops reading at such a line and would drop the
 * acknowledged pieces after it).
 */
final class JournalWriter implements AutoCloseable {

    private final FileChannel channel;
    private long size;

    /** Package-private so tests can hand in a channel that fails on demand. */
    JournalWriter(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** A new journal holding the header line; fails if the file exists (the name is taken). */
    static JournalWriter create(Path path, JournalEntry.Header header) throws IOException {
        JournalWriter writer = new JournalWriter(FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 0);
        try {
            writer.append(header, true);
            return writer;
        } catch (IOException | RuntimeException e) {
            // a journal without its header is nobody's: left behind, every retry would take the next name
            writer.close();
            try {
                Files.deleteIfExists(path);
            } catch (IOException deleteFailed) {
                e.addSuppressed(deleteFailed);
            }
            throw e;
        }
    }

    /** An existing journal, cut back to {@code validBytes} (whatever follows was torn). */
    static JournalWriter reopen(Path path, long validBytes) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            channel.truncate(validBytes);
            return new JournalWriter(channel, validBytes);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends one line, fsynced if {@code force}. The line counts only once all of that succeeded:
     * on any failure the journal is cut back to where it was, so a retry writes the line once.
     */
    void append(JournalEntry entry, boolean force) throws IOException {
        byte[] json = ContractJson.write(entry);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
            Channels.writeFully(channel, line, size);
            if (force) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            Channels.truncateQuietly(channel, size, e);
            throw e;
        }
        size += json.length + 1;
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() {
        Channels.closeQuietly(channel);
    }
}
