package io.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One camera's pieces three ways: published on Kafka, fragments in the files on the recordings volume,
 * and the recordings the catalog lists. Nothing is lost when all three agree piece for piece.
 */
record RecordingsCheck(String camera, int published, long fragmentsOnDisk, int files, long catalogued, int rows,
                       int missingFromCatalog, int cataloguedTwice, int halfWrittenFiles, double recordedSeconds) {

    boolean lossless() {
        return published > 0 && fragmentsOnDisk == published && catalogued == published && rows == files
                && missingFromCatalog == 0 && cataloguedTwice == 0 && halfWrittenFiles == 0;
    }

    static RecordingsCheck of(String camera, Set<MediaLedger.PieceId> published, Path recordings, Connection catalog) throws SQLException {
        List<Path> files = files(recordings.resolve(camera));
        long fragments = 0;
        int halfWritten = 0;
        for (Path file : files) {
            Fragments counted = fragments(file);
            fragments += counted.moofs();
            if (counted.torn()) {
                halfWritten++;
            }
        }
        Set<MediaLedger.PieceId> listed = new HashSet<>();
        int twice = 0;
        long catalogued = 0;
        int rows = 0;
        double seconds = 0;
        try (PreparedStatement query = catalog.prepareStatement(
                "select session_id, first_sequence, piece_count, extract(epoch from end_time - start_time) from recording where camera_id = ?")) {
            query.setString(1, camera);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows++;
                    seconds += row.getDouble(4);
                    long first = row.getLong(2);
                    int count = row.getInt(3);
                    catalogued += count;
                    for (long seq = first; seq < first + count; seq++) {
                        if (!listed.add(new MediaLedger.PieceId(row.getString(1), seq))) {
                            twice++;
                        }
                    }
                }
            }
        }
        int missing = (int) published.stream().filter(piece -> !listed.contains(piece)).count();
        return new RecordingsCheck(camera, published.size(), fragments, files.size(), catalogued, rows, missing, twice, halfWritten, seconds);
    }

    private record Fragments(long moofs, boolean torn) {
    }

    /** Counts the top-level moof boxes; a file that ends inside a box is half written. */
    private static Fragments fragments(Path file) {
        long moofs = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long position = 0;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (position < length) {
                if (length - position < 8) {
                    return new Fragments(moofs, true);
                }
                head.clear().limit(16);
                channel.read(head, position);
                long size = Integer.toUnsignedLong(head.getInt(0));
                String type = new String(head.array(), 4, 4, StandardCharsets.US_ASCII);
                long headerBytes = 8;
                if (size == 1) {
                    if (length - position < 16) {
                        return new Fragments(moofs, true);
                    }
                    size = head.getLong(8);
                    headerBytes = 16;
                }
                if (size < headerBytes || position + size > length) {
                    return new Fragments(moofs, true);
                }
                if (type.equals("moof")) {
                    moofs++;
                }
                position += size;
            }
            return new Fragments(moofs, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(path -> path.getFileName().toString().endsWith(".mp4")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
