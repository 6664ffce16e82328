package io.vigil.recorder.file;

import io.vigil.contracts.MediaPiece;
import io.vigil.contracts.PieceHeader;
import io.vigil.contracts.RecordingClosed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * One open recording file of one camera: the init segment once, then each piece's fragment, and
 * after each fragment a journal line saying where it is. The journal line is written only after
 * the fragment's bytes, so the journal never points at bytes that are not there; a failed write
 * is cut off again, so a file holds complete pieces only.
 *
 * <p>Not thread-safe: its camera's recorder calls it from one thread at a time.
 */
public final class SegmentWriter implements AutoCloseable {

    private static final int MAX_NAME_ATTEMPTS = 1000;

    private final Path root;
    private final RecordingName name;
    private final JournalEntry.Header header;
    private final byte[] init;
    private final FileChannel media;
    private final JournalWriter journal;
    private final FsyncPolicy fsync;

    /** Length of the media file up to the end of its last journalled piece. */
    private long size;
    private int pieceCount;
    private long firstSequence;
    private long lastSequence;
    private Instant end;

    private SegmentWriter(Path root, RecordingName name, JournalEntry.Header header, byte[] init,
                          FileChannel media, JournalWriter journal, FsyncPolicy fsync) {
        this.root = root;
        this.name = name;
        this.header = header;
        this.init = init;
        this.media = media;
        this.journal = journal;
        this.fsync = fsync;
        this.end = header.start();
    }

    /**
     * Creates the files for a recording that will begin with {@code first} (which the caller then
     * {@link #append appends}). A name already taken gets the next suffix: nothing is overwritten.
     */
    public static SegmentWriter create(Path root, MediaPiece first, FsyncPolicy fsync) throws IOException {
        PieceHeader h = first.header();
        RecordingKey key = RecordingKey.of(h);
        JournalEntry.Header header = new JournalEntry.Header(h.cameraId(), h.sessionId(), h.codec(), h.start(),
                first.init().length, h.reason(), key.eventId(), h.sessionCause(), h.previousFailure(), h.instance());
        RecordingName name = RecordingName.of(h.cameraId(), h.start());
        Path directory = name.media(root).getParent();
        Files.createDirectories(directory);
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++, name = name.next()) {
            JournalWriter journal;
            try {
                journal = JournalWriter.create(name.journal(root), header);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            FileChannel media;
            try {
                media = FileChannel.open(name.media(root), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                // a media file without our journal is not ours to touch: give up this name
                journal.close();
                Files.deleteIfExists(name.journal(root));
                if (e instanceof FileAlreadyExistsException) {
                    continue;
                }
                throw e;
            }
            try {
                if (fsync == FsyncPolicy.PIECE) {
                    Channels.syncDirectory(directory);
                }
                return new SegmentWriter(root, name, header, first.init().clone(), media, journal, fsync);
            } catch (IOException | RuntimeException e) {
                // both files are ours and still empty: release and remove them, the caller retries
                Channels.closeQuietly(media);
                journal.close();
                deleteQuietly(name.media(root), e);
                deleteQuietly(name.journal(root), e);
                throw e;
            }
        }
        throw new IOException("no free file name for " + RecordingName.of(h.cameraId(), h.start()).relativePath()
                + " after " + MAX_NAME_ATTEMPTS + " attempts");
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Reopens a file found unclosed after a restart, cut back to the end of its last journalled
     * piece: a piece torn by the crash does not survive. {@code contents} must hold at least one piece.
     */
    static SegmentWriter reopen(Path root, RecordingName name, JournalContents contents, FsyncPolicy fsync) throws IOException {
        JournalEntry.Header header = contents.header();
        FileChannel media = FileChannel.open(name.media(root), StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            media.truncate(contents.mediaEnd());
            ByteBuffer init = ByteBuffer.allocate(header.initBytes());
            while (init.hasRemaining() && media.read(init, init.position()) > 0) {
                // read until the init is complete; the journal guarantees the bytes are there
            }
            JournalWriter journal = JournalWriter.reopen(name.journal(root), contents.validBytes());
            SegmentWriter writer = new SegmentWriter(root, name, header, init.array(), media, journal, fsync);
            writer.size = contents.mediaEnd();
            writer.pieceCount = contents.pieces().size();
            writer.firstSequence = contents.pieces().get(0).seq();
            writer.lastSequence = contents.lastPiece().orElseThrow().seq();
            writer.end = contents.lastPiece().orElseThrow().end();
            return writer;
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(media);
            throw e;
        }
    }

    /**
     * Appends the piece's fragment (and the init, for the first piece) and then its journal line,
     * both forced to disk when the policy says so. On failure the file is cut back to the last
     * good piece and the exception is thrown: the piece was not written and may be tried again.
     */
    public void append(MediaPiece piece) throws IOException {
        long offset = size == 0 ? init.length : size;
        PieceHeader h = piece.header();
        try {
            if (media.size() > size) {
                media.truncate(size);
            }
            if (size == 0) {
                Channels.writeFully(media, ByteBuffer.wrap(init), 0);
            }
            Channels.writeFully(media, ByteBuffer.wrap(piece.fragment()), offset);
            if (fsync == FsyncPolicy.PIECE) {
                media.force(false);
            }
            journal.append(new JournalEntry.Piece(h.sequence(), offset, piece.fragment().length, h.start(), h.durationMicros()),
                    fsync == FsyncPolicy.PIECE);
        } catch (IOException | RuntimeException e) {
            Channels.truncateQuietly(media, size, e);
            throw e;
        }
        size = offset + piece.fragment().length;
        if (pieceCount == 0) {
            firstSequence = h.sequence();
        }
        pieceCount++;
        lastSequence = h.sequence();
        end = h.end();
    }

    /** The event announcing this file as finished (the caller publishes it, then calls {@link #finish}). */
    public RecordingClosed closedEvent(CloseReason reason) {
        return new RecordingClosed(RecordingClosed.VERSION, header.cameraId(), name.relativePath(), header.sessionId(),
                header.start(), end, size, pieceCount, firstSequence, lastSequence, header.codec(), reason.wireName(),
                header.reason(), header.eventId(), header.sessionCause(), header.previousFailure(), header.instance());
    }

    /** Forces everything written so far to disk, whatever the policy: done before a file is announced. */
    public void sync() throws IOException {
        media.force(false);
        journal.force();
    }

    /** Marks the file as finished in its journal (nobody appends to it again) and releases it. */
    public void finish(CloseReason reason) throws IOException {
        sync();
        journal.append(new JournalEntry.Closing(reason.wireName(), end), true);
        close();
    }

    /** Deletes a file that never received a piece (its first write failed): there is nothing to keep or announce. */
    public void discard() throws IOException {
        if (pieceCount > 0) {
            throw new IllegalStateException(name.relativePath() + " holds pieces and cannot be discarded");
        }
        close();
        Files.deleteIfExists(name.media(root));
        Files.deleteIfExists(name.journal(root));
    }

    /** Releases the file without marking it finished: whoever records the camera next recovers it. */
    @Override
    public void close() {
        Channels.closeQuietly(media);
        journal.close();
    }

    public RecordingName name() {
        return name;
    }

    public String sessionId() {
        return header.sessionId();
    }

    public Instant start() {
        return header.start();
    }

    /** The recording this file belongs to, from its first piece: only pieces of the same key go on in it. */
    public RecordingKey key() {
        return header.key();
    }

    /** The event this file records; null for continuous recording. */
    public String eventId() {
        return header.eventId();
    }

    /** Wall-clock end of the last piece written. */
    public Instant end() {
        return end;
    }

    public boolean hasInit(byte[] candidate) {
        return Arrays.equals(init, candidate);
    }

    public long lastSequence() {
        return lastSequence;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public long size() {
        return size;
    }
}
