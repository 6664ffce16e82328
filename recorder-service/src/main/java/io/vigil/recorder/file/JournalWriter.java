package io.vigil.recorder.file;

import io.vigil.contracts.ContractJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to a journal. It remembers how long the journal was after the last complete line,
 * so a line torn by a failed write is cut off before the next one is written.
 */
final class JournalWriter implements AutoCloseable {

    private final FileChannel channel;
    private long size;

    private JournalWriter(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** A new journal holding the header line; fails if the file exists (the name is taken). */
    static JournalWriter create(Path path, JournalEntry.Header header) throws IOException {
        JournalWriter writer = new JournalWriter(FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 0);
        try {
            writer.append(header);
            writer.force();
            return writer;
        } catch (IOException e) {
            writer.close();
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

    void append(JournalEntry entry) throws IOException {
        byte[] json = ContractJson.write(entry);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
            Channels.writeFully(channel, line, size);
        } catch (IOException e) {
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
