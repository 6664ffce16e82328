package io.vigil.recorder.file;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a recorder learns from the volume when it takes a camera (after a start, a crash or a
 * rebalance): the newest file, reopened and cut back to its last journalled piece if it was never
 * closed, and the last sequence written of each recent session, so replayed pieces are recognised.
 */
public final class FileRecovery {

    private static final Logger LOG = Logger.getLogger(FileRecovery.class);

    /**
     * @param openFile            the camera's newest file if it was not closed, ready to be appended to or closed
     * @param lastSequenceBySession the highest sequence on disk per session, from the newest journals
     */
    public record Result(Optional<SegmentWriter> openFile, Map<String, Long> lastSequenceBySession) {
    }

    private FileRecovery() {
    }

    /** @param journals how many of the newest journals to read for the sessions' last sequences */
    public static Result recover(Path root, String cameraId, FsyncPolicy fsync, int journals) throws IOException {
        List<RecordingName> names = CameraFiles.newest(root, cameraId, journals);
        Map<String, Long> lastSequence = new HashMap<>();
        SegmentWriter open = null;
        boolean newestFound = false;
        try {
            for (RecordingName name : names) {
                Path media = name.media(root);
                long mediaSize = Files.exists(media) ? Files.size(media) : 0;
                JournalContents contents = JournalReader.read(name.journal(root)).within(mediaSize);
                if (contents.header() == null || contents.pieces().isEmpty()) {
                    if (!newestFound) {
                        // created just before a crash or a failed first write: it holds no acknowledged piece
                        Files.deleteIfExists(media);
                        Files.deleteIfExists(name.journal(root));
                        LOG.infof("removed %s: the recorder stopped before its first piece was written", name.relativePath());
                    }
                    continue;
                }
                lastSequence.merge(contents.header().sessionId(), contents.lastPiece().orElseThrow().seq(), Math::max);
                if (!newestFound) {
                    newestFound = true;
                    if (!contents.isClosed()) {
                        open = reopen(root, name, contents, mediaSize, fsync);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an older journal could not be read: the reopened newest file must not stay open unowned
            if (open != null) {
                open.close();
            }
            throw e;
        }
        return new Result(Optional.ofNullable(open), lastSequence);
    }

    private static SegmentWriter reopen(Path root, RecordingName name, JournalContents contents, long mediaSize,
                                        FsyncPolicy fsync) throws IOException {
        long torn = mediaSize - contents.mediaEnd();
        SegmentWriter writer = SegmentWriter.reopen(root, name, contents, fsync);
        if (torn > 0) {
            LOG.infof("recovered %s: cut %d bytes written after its last journalled piece (seq %d)",
                    name.relativePath(), torn, writer.lastSequence());
        }
        return writer;
    }
}
