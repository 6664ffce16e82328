package io.vigil.indexer.volume;

import io.quarkus.runtime.Startup;
import io.vigil.contracts.CameraConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The recordings volume as the indexer sees it: turns the relative paths of events into files,
 * refusing any that would lead outside the root, and lists the recordings on it.
 */
@ApplicationScoped
@Startup
public class RecordingsRoot {

    private static final Logger LOG = Logger.getLogger(RecordingsRoot.class);
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\x00]+");

    private final Path root;

    @Inject
    RecordingsRoot(RecordingsConfig config) {
        this(config.root());
    }

    public RecordingsRoot(Path root) {
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            throw new IllegalStateException("vigil.recordings.root=" + root + " is not a readable directory");
        }
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve vigil.recordings.root=" + root, e);
        }
    }

    /** The root itself, links resolved. */
    public Path path() {
        return root;
    }

    /**
     * True when the root can be trusted to show what is on the volume: a readable directory with
     * something in it. An unmounted volume (an empty mount point, or none) must never be taken for
     * one whose recordings were all deleted: the catalog would be wiped.
     */
    public boolean looksMounted() {
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            return false;
        }
        try (var entries = Files.list(root)) {
            return entries.findAny().isPresent();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The file a catalog path names. Only plain relative paths whose first segment is a camera id are
     * accepted, and the file, links followed, must still be inside the root.
     */
    public RecordingPath resolve(String relative) throws InvalidRecordingPathException {
        RecordingPath path = recording(relative);
        try {
            if (escapes(path.file())) {
                throw new InvalidRecordingPathException("'" + relative + "' leads outside the recordings root");
            }
        } catch (IOException e) {
            throw new InvalidRecordingPathException("cannot check where '" + relative + "' leads: " + e);
        }
        return path;
    }

    /**
     * Shows {@code visitor} every recording on the volume, in no particular order. Files and folders
     * that vanish during the walk (retention deleting them) are passed over; an exception the
     * visitor throws ends the walk and comes out of this method as it was thrown.
     */
    public <E extends Exception> void forEachRecording(RecordingVisitor<E> visitor) throws IOException, E {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".mp4")) {
                        visit(visitor, file, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.debugf("passed over %s: %s", file, e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (VisitorFailure failure) {
            @SuppressWarnings("unchecked") // only visitor.visit throws it, and that may throw only E
            E cause = (E) failure.getCause();
            throw cause;
        }
    }

    private <E extends Exception> void visit(RecordingVisitor<E> visitor, Path file, BasicFileAttributes attributes) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        RecordingPath path;
        try {
            // the walk follows no links, so what it finds is inside the root
            path = recording(relative);
        } catch (InvalidRecordingPathException e) {
            LOG.debugf("not a recording: %s", e.getMessage());
            return;
        }
        try {
            visitor.visit(new RecordingFile(path, attributes.lastModifiedTime().toInstant()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new VisitorFailure(e);
        }
    }

    /** Receives the recordings of a walk. */
    @FunctionalInterface
    public interface RecordingVisitor<E extends Exception> {
        void visit(RecordingFile file) throws E;
    }

    /** A recording found on the volume and when it was last written. */
    public record RecordingFile(RecordingPath path, Instant modified) {
    }

    /** Checks the form of a relative path, without touching the disk. */
    private RecordingPath recording(String relative) throws InvalidRecordingPathException {
        if (relative == null || relative.isEmpty()) {
            throw new InvalidRecordingPathException("no path");
        }
        String[] segments = relative.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidRecordingPathException("'" + relative + "' is not a plain relative path");
            }
        }
        if (segments.length < 2 || !CameraConfig.isValidId(segments[0])) {
            throw new InvalidRecordingPathException("'" + relative + "' does not start with a camera id directory");
        }
        if (!relative.endsWith(".mp4")) {
            throw new InvalidRecordingPathException("'" + relative + "' is not an .mp4 file");
        }
        return new RecordingPath(relative, segments[0], root.resolve(relative));
    }

    /** Carries a visitor's checked exception out of the file walk. */
    private static final class VisitorFailure extends RuntimeException {
        VisitorFailure(Exception cause) {
            super(cause);
        }
    }

    /** True when the file, or the nearest part of its path that exists, resolves outside the root (links followed). */
    private boolean escapes(Path file) throws IOException {
        Path existing = file;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            return existing == null || !existing.toRealPath().startsWith(root);
        } catch (NoSuchFileException e) {
            return true; // a dangling link
        }
    }
}
