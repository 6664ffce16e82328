package io.vigil.gateway.playback;

import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A clip written to a temporary file before its first byte is sent, with the SHA-256 of exactly
 * those bytes: the hash goes out in the headers, ahead of the body, and the audit entry keeps it.
 * Sending copies the file and deletes it; an answer that is never sent is discarded by
 * {@link #close()}.
 */
final class ExportFile implements StreamingOutput, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExportFile.class);
    static final String PREFIX = "vigil-export-";

    private final Path file;
    private final byte[] sha256;
    private final long length;

    private ExportFile(Path file, byte[] sha256, long length) {
        this.file = file;
        this.sha256 = sha256;
        this.length = length;
    }

    /** Writes the clip into a new file of {@code directory}, hashing it as it goes. */
    static ExportFile write(StreamingOutput clip, Path directory) {
        Path file = null;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, PREFIX, ".mp4");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024), digest)) {
                clip.write(out);
            }
            return new ExportFile(file, digest.digest(), Files.size(file));
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot write the export to " + directory, e);
        } catch (NoSuchAlgorithmException e) {
            delete(file);
            throw new IllegalStateException("the JVM has no SHA-256", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** RFC 9530 Repr-Digest value. */
    String reprDigest() {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
    }

    long length() {
        return length;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
            out.flush();
        } finally {
            delete(file);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("cannot delete the export file %s: %s", file, e.toString());
        }
    }
}
