package io.vigil.gateway.playback;

import io.vigil.fmp4.Fragment;
import io.vigil.fmp4.FragmentRetimer;
import io.vigil.fmp4.Mp4FormatException;
import io.vertx.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;

/**
 * Writes a clip fragment by fragment as it reads them: the shared init segment, then each
 * fragment's moof retimed onto the clip's one timeline followed by its mdat copied through a small
 * buffer. Memory stays at one moof and one buffer whatever the span. Must run on a thread that may
 * block (the response stream waits for the client).
 */
final class ClipStream implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(ClipStream.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Real moofs are a few hundred bytes to a few KB; this only stops a corrupt size. */
    private static final long MAX_MOOF_BYTES = 16L * 1024 * 1024;

    private final Clip clip;

    ClipStream(Clip clip) {
        this.clip = clip;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a clip reads files and waits for the client: never on the event loop");
        }
        try {
            FragmentRetimer retimer = new FragmentRetimer(clip.init());
            out.write(clip.init());
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            for (ClipPart part : clip.parts()) {
                try (FileChannel file = FileChannel.open(part.path(), StandardOpenOption.READ)) {
                    boolean newTimeline = part.newTimeline();
                    for (Fragment fragment : part.fragments()) {
                        byte[] moof = readMoof(file, fragment);
                        out.write(retimer.retime(moof, newTimeline));
                        copy(file, fragment.offset() + moof.length, fragment.end(), buffer, out);
                        newTimeline = false;
                    }
                }
            }
            out.flush();
        } catch (IOException | Mp4FormatException e) {
            // the status line is long gone: all that is left is to cut the response short
            LOG.warnf("clip %s cut short: %s", clip.tag().opaque(), e.getMessage());
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** The fragment's moof, checked to be one: the index may no longer describe the file. */
    private static byte[] readMoof(FileChannel file, Fragment fragment) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8);
        readFully(file, header, fragment.offset());
        long size = header.getInt(0) & 0xFFFF_FFFFL;
        String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
        if (!type.equals("moof") || size < 8 || size > MAX_MOOF_BYTES || size >= fragment.size()) {
            throw new Mp4FormatException("no moof at byte " + fragment.offset() + " as the fragment index says");
        }
        ByteBuffer moof = ByteBuffer.allocate((int) size);
        readFully(file, moof, fragment.offset());
        return moof.array();
    }

    private static void copy(FileChannel file, long from, long to, ByteBuffer buffer, OutputStream out) throws IOException {
        long position = from;
        while (position < to) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
            int read = file.read(buffer, position);
            if (read < 0) {
                throw new IOException("the file ends at byte " + position + ", inside a fragment the index lists");
            }
            out.write(buffer.array(), 0, read);
            position += read;
        }
    }

    private static void readFully(FileChannel file, ByteBuffer into, long offset) throws IOException {
        while (into.hasRemaining()) {
            if (file.read(into, offset + into.position()) < 0) {
                throw new IOException("the file ends at byte " + (offset + into.position()) + ", inside a fragment the index lists");
            }
        }
    }
}
