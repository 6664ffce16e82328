package io.vigil.ingest.hls;

import io.vigil.ingest.session.StreamFailure;
import io.vigil.ingest.status.FailureKind;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HLS source: its master playlist (when the URL names one) and the media playlist of the chosen
 * variant, reloaded on demand, with the segments' bytes fetched and, for plain AES-128, decrypted.
 * DRM schemes are refused at every load. {@link HlsRetry#playlistFailures()} failed reloads in a row
 * reload the master playlist (the variant URI may have moved); without a master the last failure ends
 * the session.
 */
public final class HlsSource {

    private static final Logger LOG = Logger.getLogger(HlsSource.class);

    private final URI url;
    private final String variantName;
    private final HlsRetry retry;
    private final HttpFetch http;
    private final Map<URI, byte[]> keys = new HashMap<>();
    private boolean fromMaster;
    private URI mediaUri;
    private MediaPlaylist playlist;
    private int failuresInARow;

    private HlsSource(URI url, Map<String, String> headers, String variantName, HlsRetry retry) {
        this.url = url;
        this.variantName = variantName;
        this.retry = retry;
        this.http = new HttpFetch(headers, retry.timeout());
    }

    /**
     * Loads the playlist at {@code url} (a master's chosen variant: {@code variant} by URI or RESOLUTION,
     * else the highest BANDWIDTH).
     *
     * @throws StreamFailure classified; {@link FailureKind#DRM_PROTECTED} for a DRM-protected playlist
     */
    public static HlsSource open(String url, Map<String, String> headers, String variant, HlsRetry retry)
            throws StreamFailure {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StreamFailure(FailureKind.FAILURE, "the URL is not valid");
        }
        HlsSource source = new HlsSource(uri, headers, variant, retry);
        source.loadFromTop();
        return source;
    }

    MediaPlaylist playlist() {
        return playlist;
    }

    public long lastSequence() {
        List<Segment> segments = playlist.segments();
        return segments.isEmpty() ? playlist.firstSequence() - 1 : segments.get(segments.size() - 1).sequence();
    }

    public long firstSequence() {
        return playlist.firstSequence();
    }

    public double targetDurationSeconds() {
        return playlist.targetDurationSeconds();
    }

    /** The playlist's media duration: of a VOD playlist, the whole media. */
    public double durationSeconds() {
        return playlist.durationSeconds();
    }

    /** Segments are fragmented MP4 (the playlist has an init map), not MPEG-TS. */
    public boolean fragmentedMp4() {
        return playlist.segments().stream().anyMatch(segment -> segment.map() != null);
    }

    /** Whether segments may still be added (no EXT-X-ENDLIST). */
    public boolean live() {
        return !playlist.endList();
    }

    /**
     * Loads the media playlist again. A failure is kept quiet until {@link HlsRetry#playlistFailures()}
     * in a row, which reload the master playlist (or, without one, end the session).
     *
     * @return whether the playlist was loaded
     */
    boolean reload() throws StreamFailure {
        try {
            playlist = media(mediaUri);
            failuresInARow = 0;
            return true;
        } catch (StreamFailure failure) {
            if (failure.kind() == FailureKind.DRM_PROTECTED) {
                throw failure;
            }
            failuresInARow++;
            LOG.debugf("HLS playlist reload failed (%d in a row): %s", failuresInARow, failure.getMessage());
            if (failuresInARow < retry.playlistFailures()) {
                return false;
            }
            if (!fromMaster) {
                throw failure;
            }
            LOG.infof("HLS playlist failed %d times in a row; reloading the master playlist", failuresInARow);
            loadFromTop();
            failuresInARow = 0;
            return true;
        }
    }

    /** The segment's media bytes, decrypted when it is AES-128. */
    byte[] segment(Segment segment) throws StreamFailure {
        byte[] bytes = http.get(segment.uri(), "segment " + segment.sequence());
        return segment.key().aes128() ? decrypt(segment, bytes) : bytes;
    }

    /** An fMP4 playlist's init segment (EXT-X-MAP). */
    byte[] map(URI map) throws StreamFailure {
        return http.get(map, "init segment");
    }

    private void loadFromTop() throws StreamFailure {
        PlaylistParser.Parsed top = parse(url, http.get(url, "playlist"));
        if (!top.master()) {
            fromMaster = false;
            mediaUri = url;
            playlist = refuseDrm(top.media());
            return;
        }
        fromMaster = true;
        for (SegmentKey key : top.sessionKeys()) {
            refuse(key.drmScheme());
        }
        Variant chosen = choose(top.variants(), variantName);
        mediaUri = chosen.uri();
        playlist = media(mediaUri);
    }

    static Variant choose(List<Variant> variants, String name) throws StreamFailure {
        if (variants.isEmpty()) {
            throw new StreamFailure(FailureKind.FAILURE, "the master playlist lists no variant");
        }
        if (name == null || name.isBlank()) {
            return variants.stream().max(Comparator.comparingLong(Variant::bandwidth)).orElseThrow();
        }
        return variants.stream()
                .filter(variant -> variant.name().equals(name) || name.equalsIgnoreCase(variant.resolution()))
                .findFirst()
                .orElseThrow(() -> new StreamFailure(FailureKind.NOT_FOUND, "the master playlist has no variant '" + name
                        + "' (by URI or RESOLUTION)"));
    }

    private MediaPlaylist media(URI uri) throws StreamFailure {
        PlaylistParser.Parsed parsed = parse(uri, http.get(uri, "playlist"));
        if (parsed.master()) {
            throw new StreamFailure(FailureKind.FAILURE, "a variant playlist is itself a master playlist");
        }
        return refuseDrm(parsed.media());
    }

    private static MediaPlaylist refuseDrm(MediaPlaylist media) throws StreamFailure {
        refuse(media.drmScheme());
        return media;
    }

    private static void refuse(String scheme) throws StreamFailure {
        if (scheme != null) {
            throw new StreamFailure(FailureKind.DRM_PROTECTED, "the source is DRM-protected (" + scheme
                    + "): Vigil records unencrypted and plain AES-128 HLS only");
        }
    }

    private static PlaylistParser.Parsed parse(URI uri, byte[] body) throws StreamFailure {
        try {
            return PlaylistParser.parse(uri, new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new StreamFailure(FailureKind.FAILURE, "the playlist cannot be read: " + e.getMessage());
        }
    }

    private byte[] decrypt(Segment segment, byte[] bytes) throws StreamFailure {
        URI keyUri = segment.key().uri();
        if (keyUri == null) {
            throw new StreamFailure(FailureKind.FAILURE, "an AES-128 key without URI");
        }
        byte[] key = keys.get(keyUri);
        if (key == null) {
            key = http.get(keyUri, "key");
            if (key.length != 16) {
                throw new StreamFailure(FailureKind.FAILURE, "the AES-128 key is " + key.length + " bytes, not 16");
            }
            keys.put(keyUri, key);
        }
        byte[] iv = segment.key().iv() != null ? segment.key().iv()
                : ByteBuffer.allocate(16).putLong(8, segment.sequence()).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new StreamFailure(FailureKind.FAILURE, "segment " + segment.sequence() + " cannot be decrypted: "
                    + e.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
    }
}
