package io.vigil.ingest.hls;

import java.net.URI;

/** One EXT-X-STREAM-INF of a master playlist: {@code name} is its URI as written there. */
record Variant(URI uri, String name, long bandwidth, String resolution) {
}
