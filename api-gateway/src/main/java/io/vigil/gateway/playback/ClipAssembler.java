package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.gateway.problem.ProblemException;
import io.vigil.gateway.recording.EntityTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a plan into a {@link Clip}: groups its fragments into runs per file, checks that every file
 * starts with the same init segment (one MP4 has one moov: a codec or resolution change cannot be
 * spliced into it) and names the result with an entity tag. Reads only init segments and file
 * attributes (blocking: call it off the event loop).
 */
final class ClipAssembler {

    /** Tag format version: bump it when the bytes a clip is built into change for the same input. */
    private static final String TAG_VERSION = "clip-1";

    private ClipAssembler() {
    }

    /** @param locate the file of a recording on the volume; empty when it is not there */
    static Clip assemble(PlaybackPlan plan, Function<Footage, Optional<Path>> locate) {
        List<ClipPart> parts = parts(plan, locate);
        Map<Path, BasicFileAttributes> files = new LinkedHashMap<>();
        byte[] init = null;
        for (ClipPart part : parts) {
            if (files.containsKey(part.path())) {
                continue;
            }
            files.put(part.path(), attributes(part));
            byte[] own = readInit(part);
            if (init == null) {
                init = own;
            } else if (!Arrays.equals(init, own)) {
                Fragment first = part.fragments().get(0);
                throw ProblemException.conflict("the video format changes at " + part.file().startOf(first)
                        + " (another codec, resolution or encoder setup), which one MP4 file cannot hold; ask for a clip"
                        + " before or after that instant, or play the span through playback.m3u8");
            }
        }
        long length = init.length + parts.stream().mapToLong(ClipPart::bytes).sum();
        return new Clip(init, parts, tag(parts, files), length);
    }

    private static List<ClipPart> parts(PlaybackPlan plan, Function<Footage, Optional<Path>> locate) {
        List<ClipPart> parts = new ArrayList<>();
        List<Fragment> run = new ArrayList<>();
        PlannedFragment runStart = null;
        Footage before = null;
        for (PlannedFragment fragment : plan.fragments()) {
            if (fragment.newFile()) {
                if (runStart != null) {
                    parts.add(part(runStart, run, before, locate));
                    before = runStart.file();
                    run = new ArrayList<>();
                }
                runStart = fragment;
            }
            run.add(fragment.fragment());
        }
        parts.add(part(runStart, run, before, locate));
        return parts;
    }

    private static ClipPart part(PlannedFragment start, List<Fragment> run, Footage before,
                                 Function<Footage, Optional<Path>> locate) {
        Footage file = start.file();
        Path path = locate.apply(file).orElseThrow(() -> ProblemException.notFound(
                "the file of recording " + file.recordingId() + " is no longer on the volume"));
        return new ClipPart(file, path, List.copyOf(run), before == null || !file.sameSessionAs(before));
    }

    private static byte[] readInit(ClipPart part) {
        int size = Math.toIntExact(part.file().index().initSize());
        try (FileChannel channel = FileChannel.open(part.path(), StandardOpenOption.READ)) {
            ByteBuffer init = ByteBuffer.allocate(size);
            while (init.hasRemaining()) {
                if (channel.read(init, init.position()) < 0) {
                    throw new IOException("the file ends inside its init segment");
                }
            }
            return init.array();
        } catch (NoSuchFileException e) {
            throw gone(part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the init segment of " + part.path(), e);
        }
    }

    private static BasicFileAttributes attributes(ClipPart part) {
        try {
            return Files.readAttributes(part.path(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw gone(part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + part.path(), e);
        }
    }

    private static ProblemException gone(ClipPart part) {
        return ProblemException.notFound("the file of recording " + part.file().recordingId() + " is no longer on the volume");
    }

    /** A hash of what the clip is made of: which files (as they are now) and which of their bytes. */
    private static EntityTag tag(List<ClipPart> parts, Map<Path, BasicFileAttributes> files) {
        StringBuilder identity = new StringBuilder(TAG_VERSION);
        for (ClipPart part : parts) {
            BasicFileAttributes file = files.get(part.path());
            Fragment first = part.fragments().get(0);
            Fragment last = part.fragments().get(part.fragments().size() - 1);
            identity.append('|').append(part.file().recordingId())
                    .append(':').append(file.size()).append(':').append(file.lastModifiedTime().toMillis())
                    .append(':').append(first.offset()).append('-').append(last.end())
                    .append(':').append(part.fragments().size()).append(':').append(part.newTimeline());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return new EntityTag("c" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
